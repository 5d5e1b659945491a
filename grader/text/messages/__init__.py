"""Every sentence the engine says, in English and 中文.

Keys are referenced from code with `grader.text.i18n.text(key, ...)` or `msg(...)`;
`tests/test_i18n.py` checks that both languages exist for every key and use
the same placeholders.
"""

from grader.text.i18n import T

MESSAGES: dict[str, T] = {
    # ---- comparing values ------------------------------------------------
    "expected_error_other": T(
        "Expected {expected} to be raised, but your code raised {got}: {message}",
        "这里应当抛出 {expected}，但你的代码抛出了 {got}：{message}",
    ),
    "expected_error_none": T(
        "Expected {expected} to be raised for {where}, but your code returned {got}.",
        "对于 {where}，应当抛出 {expected}，但你的代码返回了 {got}。",
    ),
    "wrong_type": T(
        "{where}: expected {expected}, got {got}.",
        "{where}：期望 {expected}，实际得到 {got}。",
    ),
    "missing_key": T(
        "{where}: the key {name!r} is missing.",
        "{where}：缺少键 {name!r}。",
    ),
    "wrong_length": T(
        "{where}: expected {expected} items, got {got}.",
        "{where}：期望 {expected} 个元素，实际有 {got} 个。",
    ),
    "opaque_value": T(
        "{where}: expected {expected}, got an object of type {got}. Return a plain Python value.",
        "{where}：期望 {expected}，实际得到类型为 {got} 的对象。请返回普通的 Python 值。",
    ),
    "wrong_value": T(
        "{where}: expected {expected}, got {got}.",
        "{where}：期望 {expected}，实际得到 {got}。",
    ),
    "tensor_not_number": T(
        "{where}: expected a Python number ({expected}), got a {got}. Use .item() to get the number out of a one-element tensor.",
        "{where}：期望一个 Python 数字（{expected}），实际得到 {got}。对只有一个元素的张量，用 .item() 取出数字。",
    ),
    "float_not_int": T(
        "{where}: expected the int {expected}, got the float {got}. Sizes are whole numbers: use // (floor division) or int().",
        "{where}：期望整数 {expected}，实际得到浮点数 {got}。尺寸是整数：请用 //（向下取整除法）或 int()。",
    ),
    "opaque_tensor": T(
        "{where}: expected a plain torch.Tensor, got an object of type {got}.",
        "{where}：期望普通的 torch.Tensor，实际得到类型为 {got} 的对象。",
    ),
    "not_a_tensor": T(
        "{where}: expected a {expected}, got {got}. Build tensors with torch functions (torch.tensor, torch.zeros, ...).",
        "{where}：期望 {expected}，实际得到 {got}。请用 torch 的函数（torch.tensor、torch.zeros 等）创建张量。",
    ),
    "wrong_dtype": T(
        "{where}: dtype should be {expected}, got {got}. Convert with {fix}, or create it with dtype=torch.{expected}.",
        "{where}：dtype 应为 {expected}，实际为 {got}。可以用 {fix} 转换，或在创建时指定 dtype=torch.{expected}。",
    ),
    "wrong_device": T(
        "{where}: should be on device {expected}, but is on {got}. Create tensors on the input's device (device=x.device) instead of a fixed one.",
        "{where}：应当在设备 {expected} 上，实际在 {got} 上。请在输入所在的设备上创建张量（device=x.device），不要写死设备。",
    ),
    "wrong_device_cpu": T(
        "{where}: should be on the CPU, but is on {got}. This value stays on the CPU whatever device the input is on: create it without device=... (or move it with .cpu()).",
        "{where}：应当在 CPU 上，实际在 {got} 上。无论输入在哪个设备上，这个值都留在 CPU 上：创建时不要写 device=...（或用 .cpu() 移回来）。",
    ),
    "graph_broken": T(
        "{where}: does not require grad, so gradients cannot flow back. The graph was broken: look for .detach(), .data, .item(), .numpy(), torch.tensor(...) of a tensor, or torch.no_grad().",
        "{where}：不需要梯度（requires_grad=False），梯度无法反向传播。计算图被切断了：检查 .detach()、.data、.item()、.numpy()、对张量再调用 torch.tensor(...)，或 torch.no_grad()。",
    ),
    "should_not_require_grad": T(
        "{where}: should not require grad here. Compute it under torch.no_grad() or call .detach().",
        "{where}：这里不应需要梯度。请在 torch.no_grad() 下计算，或调用 .detach()。",
    ),
    "not_a_parameter": T(
        "{where}: should be an nn.Parameter, so the module registers it and optimizers can see it. Wrap it: nn.Parameter(tensor).",
        "{where}：应当是 nn.Parameter，这样模块才会注册它，优化器才能看到它。请用 nn.Parameter(tensor) 包装。",
    ),
    "missing_grad": T(
        "{where}: has no gradient. Either backward() was not called, or the graph from it to the loss was broken.",
        "{where}：没有梯度。要么没有调用 backward()，要么它到损失之间的计算图被切断了。",
    ),
    "unexpected_grad": T(
        "{where}: has a gradient where none was expected (was it zeroed with zero_grad() or set to None?).",
        "{where}：这里不应有梯度（是否忘了用 zero_grad() 清零或设为 None？）。",
    ),
    "wrong_shape": T(
        "{where}: shape should be {expected}, got {got}.",
        "{where}：形状应为 {expected}，实际为 {got}。",
    ),
    "advice_flattened_batch": T(
        "The batch dimension was flattened too: use torch.flatten(x, 1) or x.view(x.size(0), -1) to keep it.",
        "批次维度也被展平了：请用 torch.flatten(x, 1) 或 x.view(x.size(0), -1) 保留它。",
    ),
    "advice_singleton": T(
        "Only size-1 dimensions differ ({got_rank}-D instead of {expected_rank}-D): look at squeeze()/unsqueeze() or keepdim=.",
        "只有大小为 1 的维度不同（{got_rank} 维而不是 {expected_rank} 维）：检查 squeeze()/unsqueeze() 或 keepdim= 参数。",
    ),
    "advice_permuted": T(
        "The same sizes in another order: a transpose or permute is missing or extra.",
        "尺寸相同但顺序不同：可能缺少或多了一次 transpose/permute。",
    ),
    "advice_same_numel": T(
        "It has the right number of elements: check the reshape/view target shape.",
        "元素个数是对的：请检查 reshape/view 的目标形状。",
    ),
    "wrong_values": T(
        "{where}: {count} of {total} values differ (atol={atol}, rtol={rtol}). First at index {index}: expected {expected}, got {got}. Max abs error {max_abs}, max rel error {max_rel}.",
        "{where}：{total} 个值中有 {count} 个不同（atol={atol}，rtol={rtol}）。第一个在索引 {index}：期望 {expected}，实际 {got}。最大绝对误差 {max_abs}，最大相对误差 {max_rel}。",
    ),
    "value_grids": T(
        "expected:\n{expected}\ngot:\n{got}",
        "期望：\n{expected}\n实际：\n{got}",
    ),
    # ---- errors raised by learner code -----------------------------------
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
    # ---- the whole file --------------------------------------------------
    "import_failed": T("Your file could not be imported.", "你的文件无法导入。"),
    "syntax_error": T(
        "Syntax error at line {line}: {message}\n    {source}\n    {caret}",
        "第 {line} 行有语法错误：{message}\n    {source}\n    {caret}",
    ),
    "syntax_error_nowhere": T(
        "Python cannot read your file: {message}",
        "Python 无法读取你的文件：{message}",
    ),
    "missing_names": T(
        "Your file does not define: {names}. Keep the names from the starter file.",
        "你的文件没有定义：{names}。请保留初始文件里的名字。",
    ),
    "timed_out": T(
        "Timed out after {seconds} s: look for a loop that never ends, or work far larger than needed.",
        "运行超过 {seconds} 秒被终止：检查是否有不会结束的循环，或远超需要的计算量。",
    ),
    "cpu_limit": T(
        "Stopped after using {seconds} s of CPU time: look for a loop that never ends.",
        "使用了 {seconds} 秒 CPU 时间后被终止：检查是否有不会结束的循环。",
    ),
    "exited_early": T(
        "Your code ended the process (exit code {code}) before the checks finished. Do not call exit(), os._exit() or kill the process; return your results.",
        "你的代码在检查结束前结束了进程（退出码 {code}）。不要调用 exit()、os._exit() 或杀死进程；请返回结果。",
    ),
    "crashed_signal": T(
        "Your code crashed the process ({signal}) before the checks finished.",
        "你的代码让进程崩溃了（{signal}），检查未能完成。",
    ),
    "protocol": T(
        "The results could not be read ({detail}). Your code must not write to the grader's channel.",
        "无法读取结果（{detail}）。你的代码不能写入评测程序的通道。",
    ),
    "missing_values": T(
        "{where}: the values of this tensor did not reach the grader, so they cannot be checked. Return an ordinary tensor and leave the grader's modules alone.",
        "{where}：这个张量的数值没有送到评测程序，无法检查。请返回普通的张量，不要改动评测程序的模块。",
    ),
    "unknown_case": T(
        "The results name a check this exercise does not have. Your code must not write to the grader's channel.",
        "结果中出现了本练习没有的检查项。你的代码不能写入评测程序的通道。",
    ),
    "grader_error": T(
        "The grader itself failed while judging this exercise ({detail}). This is a bug in learn, not in your code: please report it.",
        "评测程序在评判这道练习时自身出错（{detail}）。这是 learn 的问题，不是你的代码的问题：请报告它。",
    ),
    "leaked_state": T(
        "Your code changed a global torch setting and left it changed ({names}): every later computation in the program would run differently. Fix: {advice}.",
        "你的代码修改了 torch 的全局设置，并且没有恢复（{names}）：程序中之后的所有计算都会受到影响。改法：{advice}。",
    ),
    "doctor_fix_isolation": T(
        "Learner code is confined less than it could be here ({missing}). For grading untrusted code, run learn where user namespaces are allowed (not in a container that refuses unshare), or pass --require-isolation to learn grade so it refuses to start.",
        "这里对学习者代码的隔离不完整（{missing}）。要评测不可信的代码，请在允许用户命名空间的环境中运行 learn（不要在禁止 unshare 的容器里），或者给 learn grade 加上 --require-isolation，让它拒绝在这种环境下运行。",
    ),
    "rule_unreadable": T(
        "Your answer does not have the form this check reads (compare the types and shapes your function returns with the statement).",
        "你的答案不是这项检查能读取的形式（请对照题目，检查函数返回值的类型和形状）。",
    ),
    "case_not_reached": T(
        "Not run: the process stopped before this case.",
        "未运行：进程在这一项之前就停止了。",
    ),
    "reference_broken": T(
        "The reference solution failed ({detail}). This is a bug in the course, not in your code: please report it.",
        "参考答案运行失败（{detail}）。这是课程的问题，不是你的代码的问题：请报告它。",
    ),
}

# ---- what the terminal shows --------------------------------------------
MESSAGES.update(
    {
        "ui_col_number": T("#", "#"),
        "ui_col_id": T("id", "编号"),
        "ui_col_topic": T("topic", "主题"),
        "ui_col_title": T("title", "标题"),
        "ui_col_status": T("status", "状态"),
        "ui_status_passed": T("passed", "已通过"),
        "ui_status_failing": T("failing", "未通过"),
        "ui_status_not started": T("not started", "未开始"),
        "ui_progress_line": T(
            "Progress: {passed}/{total} exercises passed ({percent}%).",
            "进度：已通过 {passed}/{total} 道练习（{percent}%）。",
        ),
        "ui_progress_recovered": T(
            "The progress file could not be read; it was moved to {path} and progress starts again.",
            "进度文件无法读取，已移到 {path}，进度将重新开始记录。",
        ),
        "ui_result_passed": T(
            "{exercise}: all {total} checks passed ({score:g}/{max_score:g} points).",
            "{exercise}：全部 {total} 项检查通过（{score:g}/{max_score:g} 分）。",
        ),
        "ui_result_failed": T(
            "{exercise}: {passed} of {total} checks passed ({score:g}/{max_score:g} points).",
            "{exercise}：{total} 项检查中通过了 {passed} 项（{score:g}/{max_score:g} 分）。",
        ),
        "ui_hint_label": T("hint", "提示"),
        "ui_same_as_above": T("(same problem as above)", "（与上面的问题相同）"),
        "ui_learner_output": T("what your code printed", "你的代码打印的内容"),
        "ui_next_step_passed": T(
            "Well done! Run `learn list` to pick the next exercise.",
            "做得好！运行 `learn list` 选择下一道练习。",
        ),
        "ui_next_step_failed": T(
            "Edit {file} and run `{command}` again. Stuck? `learn hint {exercise}`.",
            "修改 {file} 后再次运行 `{command}`。卡住了？试试 `learn hint {exercise}`。",
        ),
        "ui_hints_title": T("Hints for {exercise}", "{exercise} 的提示"),
        "ui_no_hints": T("No hints for this exercise.", "这道练习没有提示。"),
    }
)

MESSAGES.update(
    {
        "explain_flattened_batch": T(
            "You flattened the whole batch into one long row: torch.flatten(x) also flattens dimension 0. Use torch.flatten(x, 1) or nn.Flatten(), which keep the batch dimension.",
            "你把整个批次展平成了一行：torch.flatten(x) 连第 0 维（批次）也展平了。请用 torch.flatten(x, 1) 或 nn.Flatten()，它们会保留批次维度。",
        ),
    }
)

MESSAGES.update(
    {
        "explain_output_too_small": T(
            "The feature map shrank to nothing before this layer: a convolution without enough padding, or one pooling too many. Follow the size layer by layer with the conv/pool output-size formulas.",
            "特征图在这一层之前已经缩小到没有了：可能是卷积的 padding 不够，或者多做了一次池化。请用卷积/池化输出尺寸公式逐层跟踪尺寸。",
        ),
    }
)

MESSAGES.update(
    {
        "explain_output_detached": T(
            "The check called backward() through your result, but the graph was broken: your code returned a tensor cut off from its inputs (.detach(), .data, .item(), .tolist(), .numpy(), or torch.tensor(...) of a tensor).",
            "检查对你的结果调用了 backward()，但计算图被切断了：你的代码返回的张量与输入断开了联系（.detach()、.data、.item()、.tolist()、.numpy()，或对张量再调用 torch.tensor(...)）。",
        ),
    }
)

from grader.text.messages.watch import WATCH_MESSAGES  # noqa: E402  (learn watch's screen)

MESSAGES.update(WATCH_MESSAGES)

MESSAGES.update(
    {
        # ---- learn grade: one submission ----------------------------------
        "grade_missing_file": T(
            "No file for this exercise: expected {path}. It scores 0.",
            "没有找到这道练习的文件：应为 {path}。本题记 0 分。",
        ),
        "grade_outside_link": T(
            "{path} is a link to a file outside the submission, so it was not graded.",
            "{path} 是指向提交目录之外文件的链接，因此没有评分。",
        ),
        "grade_grader_error": T(
            "The grader could not grade this exercise ({detail}). This is not the student's fault: please report it.",
            "评分器无法为这道练习评分（{detail}）。这不是学生的问题：请报告它。",
        ),
        "grade_col_exercise": T("exercise", "练习"),
        "grade_col_checks": T("checks", "检查"),
        "grade_col_points": T("points", "得分"),
        "grade_col_status": T("status", "状态"),
        "grade_status_passed": T("passed", "通过"),
        "grade_status_failed": T("failed", "未通过"),
        "grade_status_error": T("not graded", "无法评分"),
        "grade_status_infra": T("grader error", "评分器错误"),
        "grade_total": T(
            "Total: {score:g}/{max_score:g} points ({percent}%), {passed} of {total} exercises passed.",
            "总分：{score:g}/{max_score:g} 分（{percent}%），{total} 道练习中通过了 {passed} 道。",
        ),
        "grade_min_score_met": T(
            "The score {score:g} reaches the minimum of {minimum:g}.",
            "得分 {score:g} 达到了最低要求 {minimum:g}。",
        ),
        "grade_min_score_missed": T(
            "The score {score:g} is below the minimum of {minimum:g}.",
            "得分 {score:g} 低于最低要求 {minimum:g}。",
        ),
        "grade_wrote": T("Wrote {path}.", "已写入 {path}。"),
        "case_hidden_failed": T(
            "This hidden check failed; its details are not shown.",
            "这项隐藏检查未通过；不显示它的细节。",
        ),
        # ---- learn grade --submissions: a class ---------------------------
        "class_unreadable": T(
            "This submission could not be opened: {detail}",
            "无法打开这份提交：{detail}",
        ),
        "class_progress": T("Grading {count} submissions", "正在评分 {count} 份提交"),
        "class_report_title": T("Class results", "全班成绩"),
        "class_rates_title": T("Pass rate per exercise", "各练习通过率"),
        "class_students_title": T("Students", "学生"),
        "class_col_passed": T("passed", "通过人数"),
        "class_col_rate": T("pass rate", "通过率"),
        "class_col_mean": T("mean score", "平均得分率"),
        "class_col_student": T("student", "学生"),
        "class_col_total": T("total", "总分"),
        "class_col_note": T("note", "备注"),
        "class_summary": T(
            "Graded {count} submissions in {seconds} s ({per_submission} s per submission, {jobs} jobs).",
            "共评分 {count} 份提交，用时 {seconds} 秒（每份 {per_submission} 秒，{jobs} 个并行任务）。",
        ),
        "class_wrote": T(
            "Wrote {csv} and {count} result documents in {folder}.",
            "已写入 {csv}，以及 {folder} 中的 {count} 份结果文件。",
        ),
        # ---- notebooks -----------------------------------------------------
        "nb_no_tagged_cells": T(
            "The notebook has tagged cells, but none tagged {tag}: nothing was graded for this exercise.",
            "这个笔记本有带标签的单元格，但没有标签为 {tag} 的单元格：这道练习没有可评分的代码。",
        ),
        "nb_skipped_line": T(
            "Cell {cell}: `{line}` is IPython, not Python: it does nothing when the notebook is graded.",
            "第 {cell} 个单元格：`{line}` 是 IPython 语法而不是 Python：评分时它不执行任何操作。",
        ),
        "nb_check_instructions": T(
            "Write your code in the cell above (keep its `learn:{exercise}` tag), save the notebook, then check it:\n\n"
            "```\nlearn check {exercise} --file {file}\n```\n\n(run it from the workspace's root folder)",
            "在上面的单元格中写代码（保留它的 `learn:{exercise}` 标签），保存笔记本，然后检查：\n\n"
            "```\nlearn check {exercise} --file {file}\n```\n\n（在工作区的根目录下运行）",
        ),
        "export_wrote": T("Wrote {path}.", "已写入 {path}。"),
        "export_kept": T(
            "{path} already exists and was kept: delete or move it to export it again.",
            "{path} 已存在，已保留原文件：如需重新导出，请先删除或移走它。",
        ),
    }
)

# ---- self-study commands: next, show, hint, reset, solution, progress, doctor, init ----
MESSAGES.update(
    {
        "ui_exercise_header": T("Exercise {number}/{total} · {exercise}", "练习 {number}/{total} · {exercise}"),
        "ui_your_file": T("Your file: {file}", "你的文件：{file}"),
        "ui_how_to_check": T(
            "Edit it, then run `learn check {exercise}`. Stuck? `learn hint {exercise}`.",
            "编辑它，然后运行 `learn check {exercise}`。卡住了？试试 `learn hint {exercise}`。",
        ),
        "ui_all_done": T(
            "All {total} exercises pass. Well done! `learn progress` shows the whole course.",
            "全部 {total} 道练习都已通过，做得好！运行 `learn progress` 查看整个课程。",
        ),
        "ui_next_step_next": T(
            "Well done! `learn next` shows the next exercise; `learn solution {exercise}` shows the reference answer.",
            "做得好！运行 `learn next` 查看下一道练习；`learn solution {exercise}` 可以查看参考答案。",
        ),
        "ui_hints_levels": T(" ({shown} of {total})", "（第 {shown}/{total} 条）"),
        "ui_hints_more": T(
            "Run `learn hint {exercise}` again for hint {next} of {total}, or `learn hint {exercise} --all`.",
            "再次运行 `learn hint {exercise}` 查看第 {next}/{total} 条提示，或运行 `learn hint {exercise} --all`。",
        ),
        "ui_hints_last": T(
            "That was the last of {total} hints. Once you pass, `learn solution {exercise}` shows the reference answer.",
            "这是 {total} 条提示中的最后一条。通过之后，`learn solution {exercise}` 可以查看参考答案。",
        ),
        "ui_reset_done": T("Restored the starter: {file}", "已恢复初始文件：{file}"),
        "ui_reset_saved": T("Your version was saved to {backup}", "你的版本已保存到 {backup}"),
        "ui_reset_nothing_saved": T(
            "Your file was already the starter (or missing), so there was nothing to save.",
            "你的文件本来就是初始文件（或不存在），因此无需保存。",
        ),
        "ui_reset_undo": T(
            "To get it back: `learn reset --undo {exercise}` (or copy {backup} to {file}).",
            "想要找回它：运行 `learn reset --undo {exercise}`（或把 {backup} 复制到 {file}）。",
        ),
        "ui_undo_done": T("Brought back {backup} into {file}", "已把 {backup} 恢复到 {file}"),
        "ui_undo_saved": T(
            "The version it replaced was saved to {backup}",
            "被替换的版本已保存到 {backup}",
        ),
        "ui_solution_title": T("Reference solution of {exercise} ({file})", "{exercise} 的参考答案（{file}）"),
        "ui_solution_untouched": T(
            "Read it and write your own: your file in exercises/ was not changed.",
            "读懂它，再自己写出来：exercises/ 中你的文件没有被改动。",
        ),
        "ui_solution_confirm": T(
            "You have not passed {exercise} yet. Looking now spoils the exercise. Show the solution anyway?",
            "你还没有通过 {exercise}。现在看答案会失去练习的意义。仍然要显示答案吗？",
        ),
        "ui_col_progress": T("progress", "进度"),
        "ui_col_passed": T("passed", "已通过"),
        "ui_no_activity": T("No activity yet: start with `learn next`.", "还没有任何练习记录：从 `learn next` 开始吧。"),
        "ui_last_activity": T("Last activity: {ago}.", "上次练习：{ago}。"),
        "ui_next_exercise": T("Next: {exercise} ({title}): `learn next`", "下一道：{exercise}（{title}）：`learn next`"),
        "ui_ago_now": T("just now", "刚刚"),
        "ui_ago_minute": T("{n} min ago", "{n} 分钟前"),
        "ui_ago_hour": T("{n} h ago", "{n} 小时前"),
        "ui_ago_day": T("{n} days ago", "{n} 天前"),
        "ui_init_done": T("Created a workspace with {count} exercises in {root}", "已在 {root} 创建工作区，共 {count} 道练习"),
        "ui_init_next": T("Next: cd {root} && learn next", "下一步：cd {root} && learn next"),
        "ui_doctor_ok": T("Everything is ready.", "一切就绪。"),
        "ui_doctor_problems": T("{count} problem(s) found; the fix is given for each.", "发现 {count} 个问题，每个问题都给出了解决办法。"),
        "doctor_python": T("Python", "Python 版本"),
        "doctor_fix_python": T("Install Python {version} or newer.", "请安装 Python {version} 或更高版本。"),
        "doctor_torch": T("torch", "torch 版本"),
        "doctor_fix_torch": T(
            "Install PyTorch: pip install torch (see pytorch.org for the command for your machine).",
            "请安装 PyTorch：pip install torch（适合你机器的命令见 pytorch.org）。",
        ),
        "doctor_torchvision": T("torchvision", "torchvision 版本"),
        "doctor_fix_torchvision": T(
            "Install torchvision matching your torch: pip install torchvision.",
            "请安装与 torch 版本匹配的 torchvision：pip install torchvision。",
        ),
        "doctor_cuda": T("CUDA (NVIDIA GPU)", "CUDA（英伟达 GPU）"),
        "doctor_mps": T("MPS (Apple GPU)", "MPS（苹果 GPU）"),
        "doctor_threads": T("CPU threads", "CPU 线程"),
        "doctor_workspace": T("workspace", "工作区"),
        "doctor_fix_workspace": T(
            "Run `learn init DIR` to create a workspace, then cd into it.",
            "运行 `learn init DIR` 创建工作区，然后 cd 进入它。",
        ),
        "doctor_catalog": T("catalogue", "练习目录"),
        "doctor_fix_catalog": T(
            "Fix exercises/info.toml as the message says, or create a fresh workspace with `learn init DIR`.",
            "按照提示修正 exercises/info.toml，或用 `learn init DIR` 创建新的工作区。",
        ),
        "doctor_solutions": T("solutions", "参考答案"),
        "doctor_fix_solutions": T(
            "Reinstall the course from a source checkout (pip install -e .), or pass --solutions DIR to check.",
            "从源码目录重新安装课程（pip install -e .），或在检查时用 --solutions DIR 指定答案目录。",
        ),
        "doctor_progress": T("progress file", "进度文件"),
        "doctor_fix_progress": T(
            "{path} cannot be read: delete it (progress starts again) or run `learn list`, which sets it aside.",
            "{path} 无法读取：删除它（进度将重新开始），或运行 `learn list`，它会把该文件移到一旁。",
        ),
        "doctor_exercises": T("exercises", "练习"),
        "doctor_starter": T("starter of {exercise}", "{exercise} 的初始文件"),
        "doctor_fix_starter": T("Get it back with `learn reset {exercise}`.", "用 `learn reset {exercise}` 找回它。"),
        "doctor_solution": T("solution of {exercise}", "{exercise} 的参考答案"),
        "doctor_fix_solution": T(
            "The course is incomplete: reinstall it from a source checkout (pip install -e .).",
            "课程不完整：请从源码目录重新安装（pip install -e .）。",
        ),
        "doctor_checks": T("checks of {exercise}", "{exercise} 的检查"),
        "doctor_fix_checks": T(
            "The course is incomplete: grader/checks/{exercise}.py is missing; reinstall (pip install -e .).",
            "课程不完整：缺少 grader/checks/{exercise}.py；请重新安装（pip install -e .）。",
        ),
    }
)

# ---- explanations of more beginner errors (grader/judge/explain.py) --------------------
MESSAGES.update(
    {
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
    }
)

# ---- values around the first difference of a large tensor (grader/judge/compare.py) ----
MESSAGES.update(
    {
        "value_window": T(
            "shape {shape}; along the last dimension around it: expected {expected}, got {got}",
            "形状 {shape}；沿最后一维在它附近：期望 {expected}，实际 {got}",
        ),
        "ui_diff_expected": T("expected", "期望"),
        "ui_diff_got": T("got", "实际"),
        "ui_diff_window": T(
            "around the first difference: values [{window}] of a tensor of shape {shape}",
            "第一个不同之处附近：形状为 {shape} 的张量中的 [{window}]",
        ),
    }
)

# ---- hardening: output flood, tampering with what the checks use (grader/engine/runner.py, grader/probe/guard.py) ----
MESSAGES.update(
    {
        "output_limit": T(
            "Stopped: your code printed more than {mb} MiB. Print less (a summary, not every step); only the start of the output is shown.",
            "已停止：你的代码输出超过了 {mb} MiB。请少打印一些（打印摘要而不是每一步）；这里只显示输出的开头。",
        ),
        "explain_tampering": T(
            "A submission must not replace functions of torch, numpy, Python's builtins or the grader, nor leave a torch mode or trace hook active: the checks use them. Remove it; until then the checks it touches count as failed.",
            "提交的代码不能替换 torch、numpy、Python 内置函数或评测程序里的函数，也不能让 torch 模式或跟踪钩子一直处于激活状态：检查会用到它们。请删除这些改动；在此之前，受影响的检查都按未通过计。",
        ),
    }
)

# ---- `learn solution --force` answered no ------------------------------------------
MESSAGES.update(
    {
        "ui_solution_kept_closed": T(
            "Kept closed. `learn hint {exercise}` shows the next hint.",
            "暂不显示参考答案。`learn hint {exercise}` 可以查看下一条提示。",
        ),
    }
)

MESSAGES.update(
    {
        "explain_no_cuda": T(
            "Your code asked for CUDA on a machine without it (.cuda(), device='cuda' or torch.device('cuda') written in directly). Choose the device once: device = torch.device('cuda' if torch.cuda.is_available() else 'cpu'), and create new tensors with device=x.device.",
            "你的代码在没有 CUDA 的机器上使用了 CUDA（直接写了 .cuda()、device='cuda' 或 torch.device('cuda')）。请只选择一次设备：device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')，新建张量时用 device=x.device。",
        ),
    }
)

MESSAGES.update(
    {
        "numpy_not_tensor": T(
            "{where}: expected a torch tensor, got a NumPy array. Convert it with torch.from_numpy(array) (shares memory) or torch.tensor(array) (copies).",
            "{where}：期望 torch 张量，实际得到 NumPy 数组。用 torch.from_numpy(array)（共享内存）或 torch.tensor(array)（复制）转换。",
        ),
        "tensor_not_numpy": T(
            "{where}: expected a NumPy array, got a torch tensor. Convert it with tensor.numpy() (tensor.detach().cpu().numpy() if it requires grad or is on a GPU).",
            "{where}：期望 NumPy 数组，实际得到 torch 张量。用 tensor.numpy() 转换（如果它需要梯度或在 GPU 上，用 tensor.detach().cpu().numpy()）。",
        ),
    }
)

MESSAGES.update({"doctor_isolation": T("isolation", "隔离")})

from grader.text.messages.cli import CLI_MESSAGES  # noqa: E402  (the command line's own sentences)

MESSAGES.update(CLI_MESSAGES)
