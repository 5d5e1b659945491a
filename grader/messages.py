"""Every sentence the engine says, in English and 中文.

Keys are referenced from code with `grader.i18n.text(key, ...)` or `msg(...)`;
`tests/test_i18n.py` checks that both languages exist for every key and use
the same placeholders.
"""

from grader.i18n import T

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
        "{where}: the key {key!r} is missing.",
        "{where}：缺少键 {key!r}。",
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
        "A Linear layer (or matmul) got {got_features} features per sample but expects {in_features}. Usually the input was flattened wrongly (keep the batch: torch.flatten(x, 1)) or in_features is wrong: set it to {got_features} if that size is right.",
        "全连接层（或矩阵乘法）收到每个样本 {got_features} 个特征，但它期望 {in_features} 个。通常是展平方式不对（保留批次维度：torch.flatten(x, 1)），或者 in_features 写错了：如果 {got_features} 是对的，就把 in_features 设为它。",
    ),
    "explain_conv_rank": T(
        "Conv and pooling layers take (N, C, H, W) (or (C, H, W)). Add the batch and channel dimensions, e.g. x.reshape(-1, 1, H, W) or x.unsqueeze(0).",
        "卷积层和池化层的输入是 (N, C, H, W)（或 (C, H, W)）。请补上批次和通道维度，例如 x.reshape(-1, 1, H, W) 或 x.unsqueeze(0)。",
    ),
    "explain_dtype_mismatch": T(
        "Two tensors have different dtypes (often integer vs float). Layers and most math want float32: use .float(); class labels for CrossEntropyLoss must be int64: use .long().",
        "两个张量的 dtype 不一致（常见的是整数和浮点数）。网络层和大多数运算需要 float32：用 .float()；CrossEntropyLoss 的类别标签必须是 int64：用 .long()。",
    ),
    "explain_no_grad": T(
        "backward() was called on something with no graph behind it. Make the leaf tensor with requires_grad=True, and do not detach or wrap it in torch.no_grad() on the way to the loss.",
        "对一个没有计算图的张量调用了 backward()。请让叶子张量 requires_grad=True，并且在计算损失的路上不要 detach 或放进 torch.no_grad()。",
    ),
    "explain_inplace_leaf": T(
        "A tensor with requires_grad=True was changed in place (e.g. x += 1). Do it under torch.no_grad(), or write x = x + 1 to get a new tensor.",
        "对 requires_grad=True 的叶子张量做了原地修改（如 x += 1）。请放在 torch.no_grad() 下做，或写成 x = x + 1 得到新张量。",
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
        "The function or class was called with the arguments the exercise specifies, and its signature does not accept them. Compare your def line with the starter's.",
        "检查按照题目规定的参数调用了你的函数或类，但它的签名不接受这些参数。请把你的 def 行与初始文件对比。",
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
            "Edit {file} and run `learn check {exercise}` again. Stuck? `learn hint {exercise}`.",
            "修改 {file} 后再次运行 `learn check {exercise}`。卡住了？试试 `learn hint {exercise}`。",
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

MESSAGES.update(
    {
        "ui_watch_title": T("learn watch · {exercise} · {title}", "learn watch · {exercise} · {title}"),
        "ui_watch_footer": T(
            "Watching {file}: save it to check again.  h hint · l list · q quit",
            "正在监视 {file}：保存文件即可重新检查。  h 提示 · l 列表 · q 退出",
        ),
        "ui_watch_footer_passed": T(
            "Passed! Press n for the next exercise.  h hint · l list · q quit",
            "通过了！按 n 进入下一道练习。  h 提示 · l 列表 · q 退出",
        ),
        "ui_watch_next_locked": T(
            "Pass this exercise first: n moves on only after a passing check.",
            "请先通过这道练习：只有检查通过后才能按 n 继续。",
        ),
        "ui_watch_all_done": T("Every exercise has passed. Well done!", "所有练习都通过了，做得好！"),
    }
)
