"""Saving and loading a model's weights / 保存与加载模型的权重

English
-------
A trained model is worth keeping. PyTorch offers two ways to save it:

    torch.save(model, path)               # the whole module, pickled: its class must be importable
                                          # when loading, and loading runs pickled code
    torch.save(model.state_dict(), path)  # only the tensors: an ordered dict name -> tensor

Save the state_dict. To load it, build the same architecture, read the file
with torch.load(path, weights_only=True) (which refuses to run pickled code)
and hand it to model.load_state_dict(...). load_state_dict is strict by
default: a missing or unexpected key raises RuntimeError, which is what you
want when the file belongs to another architecture. The state_dict holds
buffers too (BatchNorm's running_mean, running_var, num_batches_tracked).
A model loaded for predictions goes to eval() mode.

torch.load(path, map_location=device) puts every tensor on `device` while
reading, so a file saved on a GPU opens on a CPU-only machine.

Write:

1. `save_weights(model, path)`: write model's state_dict (and nothing else)
   to path.
2. `load_weights(model, path)`: load the state_dict saved at path into
   `model` (a freshly built model of the same architecture) with
   weights_only=True, switch it to eval mode and return it. A file of another
   architecture raises RuntimeError, and so does a file holding a whole
   pickled module (torch.load raises an UnpicklingError for it).
3. `load_state_on(path, device)`: the state_dict saved at path, with every
   tensor on `device` (a string such as "cpu" or "meta").

中文
----
训练好的模型值得保存。PyTorch 有两种保存方式：

    torch.save(model, path)               # 整个模块（pickle 序列化）：加载时必须能导入它的类，
                                          # 而且加载时会执行 pickle 中的代码
    torch.save(model.state_dict(), path)  # 只保存张量：一个“名字 -> 张量”的有序字典

请保存 state_dict。加载时先构建相同的网络结构，再用 torch.load(path, weights_only=True) 读取文件
（它拒绝执行 pickle 中的代码），然后交给 model.load_state_dict(...)。load_state_dict 默认是严格的：
缺少或多出键都会抛出 RuntimeError，当文件属于另一种网络结构时，这正是我们需要的。state_dict
也包含缓冲区（BatchNorm 的 running_mean、running_var、num_batches_tracked）。加载后用于预测的
模型要切换到 eval() 模式。

torch.load(path, map_location=device) 在读取时就把每个张量放到 `device` 上，所以在 GPU 上保存的文件
也能在只有 CPU 的机器上打开。

请实现：

1. `save_weights(model, path)`：把 model 的 state_dict（且只有它）写入 path。
2. `load_weights(model, path)`：用 weights_only=True 把 path 中保存的 state_dict 加载进 `model`
   （一个新建的、结构相同的模型），切换到 eval 模式并返回它。属于另一种结构的文件会抛出
   RuntimeError；保存了整个 pickle 模块的文件同样会出错（torch.load 对它抛出 UnpicklingError）。
3. `load_state_on(path, device)`：返回 path 中保存的 state_dict，其中每个张量都在 `device` 上
   （"cpu" 或 "meta" 这样的字符串）。

Check your work / 检查：  learn check save_load_weights
"""

import torch
from torch import nn


def save_weights(model: nn.Module, path: str) -> None:
    # TODO: torch.save the state_dict, not the module.
    # TODO：用 torch.save 保存 state_dict，而不是整个模块。
    raise NotImplementedError("save_weights")


def load_weights(model: nn.Module, path: str) -> nn.Module:
    # TODO: torch.load(path, weights_only=True), load_state_dict, eval(), return the model.
    # TODO：torch.load(path, weights_only=True)，load_state_dict，eval()，返回模型。
    raise NotImplementedError("load_weights")


def load_state_on(path: str, device: str) -> dict[str, torch.Tensor]:
    # TODO: map_location puts the tensors on device while reading.
    # TODO：map_location 在读取时把张量放到 device 上。
    raise NotImplementedError("load_state_on")
