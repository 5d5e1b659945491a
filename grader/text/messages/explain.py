"""Explanations of the errors learner code raises, in English and 中文.

Used by grader/judge/explain.py.
"""

from grader.text.bilingual import T

EXPLAIN_MESSAGES: dict[str, T] = {
    "error_raised": T("Your code raised {type}: {message}", "你的代码抛出了 {type}：{message}"),
    "error_at_line": T("  at your line {line}: {source}", "  位置：你的第 {line} 行：{source}"),
    "error_at_line_nosource": T("  at your line {line}", "  位置：你的第 {line} 行"),
    "error_in_check": T(
        "  (raised while the check used what your code returned: check the type and shape of your return value)",
        "  （在检查使用你的返回值时出错：请检查返回值的类型和形状）",
    ),
    "explain_getitem_missing": T(
        "Your Dataset has no __getitem__, so the base class's one ran. Check the spelling: it is __getitem__ (not __gettime__ or __get_item__).",
        "你的 Dataset 没有 __getitem__，于是调用了基类的版本。检查拼写：应为 __getitem__（不是 __gettime__ 或 __get_item__）。",
    ),
    "explain_not_implemented": T(
        "This part is not written yet: replace the `raise NotImplementedError` with your code.",
        "这一部分还没有写：把 `raise NotImplementedError` 换成你的代码。",
    ),
    "explain_exit": T(
        "Your code called sys.exit() or exit(). Return a value instead; leaving early is never a pass.",
        "你的代码调用了 sys.exit() 或 exit()。请返回结果；提前退出永远不算通过。",
    ),
    "explain_interrupt": T(
        "KeyboardInterrupt was raised by your code; the check cannot continue.",
        "你的代码抛出了 KeyboardInterrupt，检查无法继续。",
    ),
    "explain_recursion": T(
        "The recursion never stops: a function (or forward) calls itself. In nn.Module, call the layers, not self(...) or self.forward(...).",
        "递归没有终止：某个函数（或 forward）在调用它自己。在 nn.Module 里应调用各层，而不是 self(...) 或 self.forward(...)。",
    ),
    "explain_memory": T(
        "Your code ran out of memory (the limit protects the machine). Look for a tensor far larger than needed.",
        "你的代码内存不足（这个限制是为了保护机器）。检查是否创建了远大于需要的张量。",
    ),
    "explain_matmul_shapes": T(
        "A Linear layer (or matmul) got {got_features} features per sample but expects {in_features}. Either the input was flattened wrongly (keep the batch: torch.flatten(x, 1)), or in_features is wrong: if {got_features} features per sample is right, build the layer as nn.Linear({got_features}, {out_features}).",
        "全连接层（或矩阵乘法）收到每个样本 {got_features} 个特征，但它期望 {in_features} 个。要么展平方式不对（保留批次维度：torch.flatten(x, 1)），要么 in_features 写错了：如果每个样本 {got_features} 个特征是对的，就把这一层写成 nn.Linear({got_features}, {out_features})。",
    ),
    "explain_fixed_rows": T(
        "The batch size is hard-coded: your reshape asks for {rows} rows, but the values fill {samples} rows of {in_features} features. Keep the batch dimension as it is: x.view(x.size(0), -1) or torch.flatten(x, 1).",
        "批大小被写死了：你的变形要求 {rows} 行，但这些数值只够填满 {samples} 行、每行 {in_features} 个特征。请保留原来的批次维度：x.view(x.size(0), -1) 或 torch.flatten(x, 1)。",
    ),
    "explain_own_matmul": T(
        "In a @ b, the last dimension of a must equal the first dimension of b: here a is {left} and b is {right}, and {inner} ≠ {other_rows}. Check the order of the operands and their transposes: nn.Linear computes x @ weight.T, with weight of shape (out_features, in_features).",
        "在 a @ b 中，a 的最后一维必须等于 b 的第一维：这里 a 是 {left}，b 是 {right}，{inner} ≠ {other_rows}。请检查两个操作数的顺序和转置：nn.Linear 计算的是 x @ weight.T，weight 的形状是 (out_features, in_features)。",
    ),
    "explain_float64_model": T(
        "The layer's weights are float64 (Double) and the data reaching it is float32 (Float). Convert the data to the model's dtype, not the other way round: x.to(next(model.parameters()).dtype) (or create it with dtype=param.dtype).",
        "这一层的权重是 float64（Double），而传给它的数据是 float32（Float）。请把数据转换成模型的 dtype，而不是反过来：x.to(next(model.parameters()).dtype)（或创建时写 dtype=param.dtype）。",
    ),
    "explain_conv_rank": T(
        "{layer} takes (N, C, H, W) (or (C, H, W)), but got a {rank}-D input of shape {shape}. Add the batch and channel dimensions as the notes do: {fix} (or x.unsqueeze(0) for a single (C, H, W) image).",
        "{layer} 的输入应为 (N, C, H, W)（或 (C, H, W)），但收到的是形状为 {shape} 的 {rank} 维输入。请像笔记中那样补上批次和通道维度：{fix}（单张 (C, H, W) 图片可以用 x.unsqueeze(0)）。",
    ),
    "explain_dtype_mismatch": T(
        "Two tensors have different dtypes (often integer vs float). Layers and most math want float32: use .float(); class labels for CrossEntropyLoss must be int64: use .long().",
        "两个张量的 dtype 不一致（常见的是整数和浮点数）。网络层和大多数运算需要 float32：用 .float()；CrossEntropyLoss 的类别标签必须是 int64：用 .long()。",
    ),
    "explain_no_grad": T(
        "backward() was called on something with no graph behind it. Make the leaf tensor with requires_grad=True, and do not detach or wrap it in torch.no_grad() on the way to the loss. In a training loop, also check that an update did not replace a parameter with a new tensor (w = w - lr * w.grad) instead of changing it in place (w -= lr * w.grad).",
        "对一个没有计算图的张量调用了 backward()。请让叶子张量 requires_grad=True，并且在计算损失的路上不要 detach 或放进 torch.no_grad()。在训练循环里，还要检查更新时是否用新张量替换了参数（w = w - lr * w.grad），而不是原地修改它（w -= lr * w.grad）。",
    ),
    "explain_inplace_leaf": T(
        "A tensor with requires_grad=True was changed in place (e.g. x += 1). Do it under torch.no_grad(), or write x = x + 1 to get a new tensor.",
        "对 requires_grad=True 的叶子张量做了原地修改（如 x += 1）。请放在 torch.no_grad() 下做，或写成 x = x + 1 得到新张量。",
    ),
    "explain_missing_forward": T(
        "{cls} has no method called forward: model(x) calls self.forward(x), and nn.Module's own forward only "
        "raises this error. Check the spelling (def forward(self, x), not foward or Forward) and that it is "
        "indented inside the class.",
        "{cls} 没有名为 forward 的方法：model(x) 会调用 self.forward(x)，而 nn.Module 自带的 forward 只会抛出这个错误。"
        "请检查拼写（是 def forward(self, x)，不是 foward 或 Forward），以及它是否缩进在类的内部。",
    ),
    "explain_grad_none_zero": T(
        "A .grad was still None here: a tensor's .grad exists only after the first backward() reaches it, so "
        "w.grad.zero_() fails on the first step. Clear gradients with optimizer.zero_grad(), or by hand with "
        "w.grad = None (or `if w.grad is not None: w.grad.zero_()`), or zero them after each update.",
        "这里的 .grad 还是 None：张量的 .grad 要等第一次 backward() 传到它之后才存在，所以第一步调用 "
        "w.grad.zero_() 会失败。请用 optimizer.zero_grad() 清除梯度；手动清除时写 w.grad = None"
        "（或 `if w.grad is not None: w.grad.zero_()`），或者在每次更新之后再清零。",
    ),
    "explain_inplace_computation": T(
        "A tensor that requires grad was changed in place while computing with it (nn.ReLU(inplace=True), "
        "x.clamp_(...), x += 1 or x[mask] = 0 on a tensor autograd must differentiate). Do not switch autograd "
        "off here: torch.no_grad() would cut the gradient. Compute a new tensor instead: nn.ReLU() without "
        "inplace=True, x.clamp(min=0), x = x + 1, torch.where(mask, 0.0, x).",
        "在用一个需要梯度的张量做计算时对它做了原地修改（nn.ReLU(inplace=True)、x.clamp_(...)、x += 1 或 "
        "x[mask] = 0，而 autograd 需要对它求导）。这里不要关闭 autograd：torch.no_grad() 会切断梯度。"
        "请改为计算一个新张量：不带 inplace=True 的 nn.ReLU()、x.clamp(min=0)、x = x + 1、torch.where(mask, 0.0, x)。",
    ),
    "explain_backward_twice": T(
        "backward() ran twice over the same graph. Call it once per forward pass (compute the loss again for every step).",
        "对同一个计算图调用了两次 backward()。每次前向传播只调用一次（每一步都重新计算损失）。",
    ),
    "explain_view": T(
        ".view() needs memory laid out in order, which a transposed or permuted tensor is not. Use .reshape(), or .contiguous().view(...).",
        ".view() 要求内存按顺序排列，而转置或 permute 之后的张量不是。请用 .reshape()，或 .contiguous().view(...)。",
    ),
    "explain_device": T(
        "Tensors on different devices met in one operation. Move everything to one device: model.to(device), x.to(device), or create new tensors with device=x.device.",
        "不同设备上的张量参与了同一个运算。把所有东西放到同一个设备上：model.to(device)、x.to(device)，或创建新张量时用 device=x.device。",
    ),
    "explain_collate": T(
        "The DataLoader could not stack samples of different sizes into a batch. Make every sample the same shape, or pass a collate_fn.",
        "DataLoader 无法把大小不同的样本堆叠成一个批次。请让每个样本形状一致，或者传入 collate_fn。",
    ),
    "explain_signature": T(
        "A function or class of yours was called with arguments its def line does not accept. If the exercise calls it, compare your def line with the starter's; if you handed it to a library (transform=, collate_fn=), check that you passed what the library should call, not a function that builds it.",
        "你的某个函数或类被调用时，传入的参数与它的 def 行不符。如果是题目调用它，请把你的 def 行与初始文件对比；如果是你把它交给了某个库（transform=、collate_fn=），请检查你传入的是库应当调用的对象，而不是构建该对象的函数。",
    ),
    "explain_missing_name": T(
        "Your file does not define {name}. Keep the names from the starter file.",
        "你的文件没有定义 {name}。请保留初始文件里的名字。",
    ),
    "explain_flattened_batch": T(
        "You flattened the whole batch into one long row: torch.flatten(x) also flattens dimension 0. Use torch.flatten(x, 1) or nn.Flatten(), which keep the batch dimension.",
        "你把整个批次展平成了一行：torch.flatten(x) 连第 0 维（批次）也展平了。请用 torch.flatten(x, 1) 或 nn.Flatten()，它们会保留批次维度。",
    ),
    "explain_output_too_small": T(
        "The feature map shrank to nothing before this layer: a convolution without enough padding, or one pooling too many. Follow the size layer by layer with the conv/pool output-size formulas.",
        "特征图在这一层之前已经缩小到没有了：可能是卷积的 padding 不够，或者多做了一次池化。请用卷积/池化输出尺寸公式逐层跟踪尺寸。",
    ),
    "explain_output_detached": T(
        "The check called backward() through your result, but the graph was broken: your code returned a tensor cut off from its inputs (.detach(), .data, .item(), .tolist(), .numpy(), or torch.tensor(...) of a tensor).",
        "检查对你的结果调用了 backward()，但计算图被切断了：你的代码返回的张量与输入断开了联系（.detach()、.data、.item()、.tolist()、.numpy()，或对张量再调用 torch.tensor(...)）。",
    ),
    "explain_conv_flattened": T(
        "{layer} got {shape}: the images were flattened before the convolutions. Keep them as (N, C, H, W), e.g. {fix}, and flatten only after the last pooling layer (nn.Flatten() or torch.flatten(x, 1)).",
        "{layer} 收到的是 {shape}：图片在卷积之前就被展平了。请保持 (N, C, H, W) 的形状，例如 {fix}，并且只在最后一个池化层之后再展平（nn.Flatten() 或 torch.flatten(x, 1)）。",
    ),
    "explain_pool_rank": T(
        "Pooling layers take (N, C, H, W) or (C, H, W). Add the missing dimensions as the notes do, e.g. x.reshape(-1, 1, H, W), or x.unsqueeze(0) for a single image.",
        "池化层的输入应为 (N, C, H, W) 或 (C, H, W)。请像笔记中那样补上缺少的维度，例如 x.reshape(-1, 1, H, W)；单张图片可以用 x.unsqueeze(0)。",
    ),
    "explain_conv_channels": T(
        "This Conv2d was built for {expected} input channels (in_channels={expected}), but the input [{input}] has {got}. Make in_channels match the data (Conv2d({got}, ...) for this input), or fix the out_channels of the layer before it. Images stored as (N, H, W, C) need x.permute(0, 3, 1, 2).",
        "这个 Conv2d 是按 {expected} 个输入通道（in_channels={expected}）建的，但输入 [{input}] 有 {got} 个通道。请让 in_channels 与数据一致（对这个输入用 Conv2d({got}, ...)），或者修改前一层的 out_channels。按 (N, H, W, C) 存放的图片需要 x.permute(0, 3, 1, 2)。",
    ),
    "explain_target_dtype": T(
        "CrossEntropyLoss (and NLLLoss) want the targets as class indices of dtype int64: pass targets.long(). Targets of shape (N,) hold class numbers, not probabilities.",
        "CrossEntropyLoss（以及 NLLLoss）要求目标是 int64 类型的类别编号：请传入 targets.long()。形状为 (N,) 的目标存放的是类别编号，而不是概率。",
    ),
    "explain_target_shape": T(
        "CrossEntropyLoss wants targets of shape (N,): one class index per sample. Use targets.view(-1) for (N, 1) targets, or targets.argmax(dim=1) for one-hot rows.",
        "CrossEntropyLoss 要求目标的形状为 (N,)：每个样本一个类别编号。(N, 1) 的目标请用 targets.view(-1)，one-hot 形式的行请用 targets.argmax(dim=1)。",
    ),
    "explain_float_vs_other": T(
        "A {first} tensor and a {second} tensor met in one operation. Layer weights are float32 (Float), so the data must be too: convert it with .float() (images stored as integers: x.float() / 255; NumPy arrays are float64, Double: torch.from_numpy(a).float()). Only CrossEntropyLoss targets stay int64 (.long()).",
        "一个 {first} 张量和一个 {second} 张量参与了同一个运算。网络层的权重是 float32（Float），数据也必须是：请用 .float() 转换（以整数存放的图片：x.float() / 255；NumPy 数组默认是 float64，即 Double：torch.from_numpy(a).float()）。只有 CrossEntropyLoss 的目标保持 int64（.long()）。",
    ),
    "explain_integer_op": T(
        "This operation works on floating-point tensors only, but got {dtype} (integers). Convert first with .float(): tensors built from whole numbers, like torch.arange(5) or torch.tensor([1, 2]), are int64.",
        "这个运算只支持浮点张量，但收到的是 {dtype}（整数）。请先用 .float() 转换：由整数创建的张量，例如 torch.arange(5) 或 torch.tensor([1, 2])，都是 int64。",
    ),
    "explain_scalar_backward": T(
        "backward() with no argument needs a single number. Reduce the output first (y.sum().backward(), or a loss such as y.mean()), or pass one weight per element: y.backward(weights).",
        "不带参数的 backward() 只能用于单个数。请先把输出归约成一个数（y.sum().backward()，或 y.mean() 这样的损失），或者为每个元素传入权重：y.backward(weights)。",
    ),
    "explain_numpy_grad": T(
        "A tensor that requires grad cannot become a NumPy array directly: use t.detach().numpy() (t.detach().cpu().numpy() for a GPU tensor).",
        "需要梯度的张量不能直接转成 NumPy 数组：请用 t.detach().numpy()（GPU 上的张量用 t.detach().cpu().numpy()）。",
    ),
    "explain_device_pair": T(
        "Your code mixed tensors on {first} and {second}. Create new tensors where the input lives, torch.zeros(..., device=x.device) or torch.zeros_like(x), and move the model and the data together: model.to(device), x.to(device).",
        "你的代码把 {first} 和 {second} 上的张量混在一起用了。请在输入所在的设备上创建新张量：torch.zeros(..., device=x.device) 或 torch.zeros_like(x)，并把模型和数据一起移动：model.to(device)、x.to(device)。",
    ),
    "explain_broadcast": T(
        "Element-wise operations need equal sizes (or size 1) in each dimension: here dimension {dim} is {a} on one side and {b} on the other. Print both .shape: a missing unsqueeze()/view(), or a transposed tensor, is the usual cause.",
        "逐元素运算要求每个维度的大小相等（或为 1）：这里第 {dim} 维一边是 {a}，另一边是 {b}。请打印两者的 .shape：通常是少了 unsqueeze()/view()，或者某个张量被转置了。",
    ),
    "explain_collate_pil": T(
        "Your dataset returns PIL images, which the DataLoader cannot stack into a batch. Add transforms.ToTensor() to the dataset's transform, e.g. transforms.Compose([transforms.ToTensor(), ...]).",
        "你的数据集返回的是 PIL 图片，DataLoader 无法把它们堆叠成批次。请在数据集的 transform 中加入 transforms.ToTensor()，例如 transforms.Compose([transforms.ToTensor(), ...])。",
    ),
    "explain_collate_none": T(
        "Your dataset returned None for a sample: __getitem__ is missing its return statement (return features[index], labels[index]).",
        "你的数据集对某个样本返回了 None：__getitem__ 缺少 return 语句（return features[index], labels[index]）。",
    ),
    "explain_collate_type": T(
        "The DataLoader cannot put objects of type {found} into a batch. Return tensors, numbers or NumPy arrays from __getitem__, or pass a collate_fn.",
        "DataLoader 无法把 {found} 类型的对象放进批次。请让 __getitem__ 返回张量、数字或 NumPy 数组，或者传入 collate_fn。",
    ),
    "explain_tampering": T(
        "A submission must not replace functions of torch, numpy, Python's builtins or the grader, nor leave a torch mode or trace hook active: the checks use them. Remove it; until then the checks it touches count as failed.",
        "提交的代码不能替换 torch、numpy、Python 内置函数或评测程序里的函数，也不能让 torch 模式或跟踪钩子一直处于激活状态：检查会用到它们。请删除这些改动；在此之前，受影响的检查都按未通过计。",
    ),
    "explain_no_cuda": T(
        "Your code asked for CUDA on a machine without it (.cuda(), device='cuda' or torch.device('cuda') written in directly). Choose the device once: device = torch.device('cuda' if torch.cuda.is_available() else 'cpu'), and create new tensors with device=x.device.",
        "你的代码在没有 CUDA 的机器上使用了 CUDA（直接写了 .cuda()、device='cuda' 或 torch.device('cuda')）。请只选择一次设备：device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')，新建张量时用 device=x.device。",
    ),
    "explain_stack_sizes": T(
        "torch.stack joins tensors of exactly the same shape along a NEW dimension. To join along an existing "
        "dimension (the sizes there may differ), use torch.cat(tensors, dim=...).",
        "torch.stack 只能把形状完全相同的张量沿一个【新】维度堆叠起来。要沿已有的维度拼接（该维度上的大小可以不同），"
        "请用 torch.cat(tensors, dim=...)。",
    ),
}
