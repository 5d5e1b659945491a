"""Images from folders with ImageFolder / 用 ImageFolder 从文件夹读取图片

English
-------
`torchvision.datasets.ImageFolder` turns a directory tree into a labelled
dataset. Every sub-folder of `root` is one class, and every image inside it
is one sample of that class:

    root/bird/0.png
    root/bird/1.png
    root/cat/0.png     ...

The classes are the folder names in sorted order, so here
`dataset.classes == ["bird", "cat", ...]` and
`dataset.class_to_idx == {"bird": 0, "cat": 1, ...}`. `dataset[i]` returns
`(image, class_index)`; `dataset.targets` lists the class index of every
sample without opening the images. Images are opened with PIL and converted
to RGB, so even a grey-scale PNG comes out with 3 channels.

Without a transform, `image` is a PIL image, which a network cannot use.
Write three functions:

1. `image_transform(mean, std)` returns
   `transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])`.
   - `ToTensor()` turns a PIL image of H x W pixels into a float32 tensor of
     shape (C, H, W) with values in [0, 1] (it divides by 255);
   - `Normalize(mean, std)` then computes `(value - mean[c]) / std[c]` for
     each channel c. It works on tensors only, so ToTensor must come first.
   With mean = std = 0.5 the values go from [0, 1] to [-1, 1]. The MNIST
   example in the notes uses mean (0.1307,) and std (0.3081,).
2. `make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))` returns an
   `ImageFolder` over `root` that applies `image_transform(mean, std)` to each
   image. Use the mean and std you are given.
3. `class_counts(dataset)` returns a dict from class NAME to the number of
   images of that class, e.g. `{"bird": 2, "cat": 3, "dog": 2}`. Use
   `dataset.targets` and `dataset.classes`: there is no need to load a single
   image.

       >>> ds = make_dataset("root")
       >>> image, label = ds[0]
       >>> image.shape, image.dtype, label
       (torch.Size([3, H, W]), torch.float32, 0)

Never use `download=True` here: everything is local.

中文
----
`torchvision.datasets.ImageFolder` 把一个目录树变成带标签的数据集。`root` 下的每个
子文件夹是一个类别，文件夹里的每张图片是这个类别的一个样本：

    root/bird/0.png
    root/bird/1.png
    root/cat/0.png     ...

类别就是按字母顺序排好的文件夹名，所以这里 `dataset.classes == ["bird", "cat", ...]`，
`dataset.class_to_idx == {"bird": 0, "cat": 1, ...}`。`dataset[i]` 返回
`(image, class_index)`；`dataset.targets` 列出每个样本的类别编号，不需要打开图片。
图片用 PIL 打开并转换成 RGB，所以即使是灰度 PNG，读出来也是 3 个通道。

没有 transform 时，`image` 是 PIL 图片，网络无法直接使用。请实现三个函数：

1. `image_transform(mean, std)`：返回
   `transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])`。
   - `ToTensor()` 把 H x W 像素的 PIL 图片变成形状为 (C, H, W)、取值在 [0, 1] 的
     float32 张量（它会除以 255）；
   - `Normalize(mean, std)` 再对每个通道 c 计算 `(value - mean[c]) / std[c]`。它只能
     作用在张量上，所以 ToTensor 必须放在前面。
   mean = std = 0.5 时，取值从 [0, 1] 变成 [-1, 1]。笔记中的 MNIST 例子使用
   mean (0.1307,) 和 std (0.3081,)。
2. `make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))`：返回基于 `root`
   的 `ImageFolder`，它对每张图片应用 `image_transform(mean, std)`。请使用传进来的
   mean 和 std。
3. `class_counts(dataset)`：返回一个字典，从类别“名称”映射到该类别的图片数量，例如
   `{"bird": 2, "cat": 3, "dog": 2}`。请使用 `dataset.targets` 和 `dataset.classes`：
   完全不需要加载图片。

       >>> ds = make_dataset("root")
       >>> image, label = ds[0]
       >>> image.shape, image.dtype, label
       (torch.Size([3, H, W]), torch.float32, 0)

这里不要使用 `download=True`：所有数据都在本地。

Check your work / 检查：  learn check image_folder
"""

from torchvision import datasets, transforms


def image_transform(mean: tuple[float, ...], std: tuple[float, ...]) -> transforms.Compose:
    # TODO: ToTensor first, then Normalize(mean, std), inside one Compose.
    # TODO：先 ToTensor，再 Normalize(mean, std)，放进同一个 Compose。
    raise NotImplementedError("image_transform")


def make_dataset(
    root: str, mean: tuple[float, ...] = (0.5, 0.5, 0.5), std: tuple[float, ...] = (0.5, 0.5, 0.5)
) -> datasets.ImageFolder:
    # TODO: an ImageFolder over root whose transform is image_transform(mean, std).
    # TODO：返回基于 root 的 ImageFolder，其 transform 为 image_transform(mean, std)。
    raise NotImplementedError("make_dataset")


def class_counts(dataset: datasets.ImageFolder) -> dict[str, int]:
    # TODO: count dataset.targets per class index, and key the result by class name.
    # TODO：按类别编号统计 dataset.targets，再用类别名称作为字典的键。
    raise NotImplementedError("class_counts")
