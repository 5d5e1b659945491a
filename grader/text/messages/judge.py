"""The judge's sentences: how a value differs from the reference's, and why a case or a whole file failed.

Used by grader/judge/compare.py and grader/judge/verdict.py.
"""

from grader.text.bilingual import T

JUDGE_MESSAGES: dict[str, T] = {
    # ---- comparing the learner's values with the reference's (grader/judge/compare.py) -----------
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
    "missing_values": T(
        "{where}: the values of this tensor did not reach the grader, so they cannot be checked. Return an ordinary tensor and leave the grader's modules alone.",
        "{where}：这个张量的数值没有送到评测程序，无法检查。请返回普通的张量，不要改动评测程序的模块。",
    ),
    "value_window": T(
        "shape {shape}; along the last dimension around it: expected {expected}, got {got}",
        "形状 {shape}；沿最后一维在它附近：期望 {expected}，实际 {got}",
    ),
    "numpy_not_tensor": T(
        "{where}: expected a torch tensor, got a NumPy array. Convert it with torch.from_numpy(array) (shares memory) or torch.tensor(array) (copies).",
        "{where}：期望 torch 张量，实际得到 NumPy 数组。用 torch.from_numpy(array)（共享内存）或 torch.tensor(array)（复制）转换。",
    ),
    "tensor_not_numpy": T(
        "{where}: expected a NumPy array, got a torch tensor. Convert it with tensor.numpy() (tensor.detach().cpu().numpy() if it requires grad or is on a GPU).",
        "{where}：期望 NumPy 数组，实际得到 torch 张量。用 tensor.numpy() 转换（如果它需要梯度或在 GPU 上，用 tensor.detach().cpu().numpy()）。",
    ),
    "wrong_shape_dims": T(
        "{where}: expected shape {expected_shape} ({expected} dimensions), got {got_shape} ({got} dimensions).",
        "{where}：期望形状为 {expected_shape}（{expected} 维），实际是 {got_shape}（{got} 维）。",
    ),
    # ---- what went wrong with a case or the whole file (grader/judge/verdict.py) -----------------
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
    "output_limit": T(
        "Stopped: your code printed more than {mb} MiB. Print less (a summary, not every step); only the start of the output is shown.",
        "已停止：你的代码输出超过了 {mb} MiB。请少打印一些（打印摘要而不是每一步）；这里只显示输出的开头。",
    ),
}
