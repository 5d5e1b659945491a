"""Data augmentation, seeded / 可复现的数据增强

English
-------
Augmentation shows the network a slightly different version of each training
image every epoch, so it learns the object rather than the pixels. For
CIFAR-10 style 32x32 images the usual pipeline is:

    transforms.RandomCrop(32, padding=4)   # pad 4 zero pixels on each side (40x40),
                                           # then cut a random 32x32 window out of it
    transforms.RandomHorizontalFlip()      # mirror left-right with probability 0.5
    transforms.ToTensor()                  # PIL bytes 0..255 -> float (C, H, W) 0..1
    transforms.Normalize(mean, std)        # (x - mean) / std per channel

The random transforms draw from torch's global random generator, so
torch.manual_seed(seed) just before using them makes the result
reproducible: the same seed gives the same crops and flips. Test images are
never augmented: only ToTensor and Normalize.

Write, with mean = std = (0.5, 0.5, 0.5) (values end up in -1 .. 1):

1. `train_transform()`: the Compose of the four transforms above, in that
   order.
2. `test_transform()`: ToTensor then Normalize, nothing random.
3. `augment_batch(images, seed)`: a list of 32x32 RGB PIL images -> a tensor
   (N, 3, 32, 32): seed torch's generator ONCE with `seed`, then pass each
   image through train_transform() in the list's order. The same seed gives
   the same tensor; each image still gets its own random crop and flip.

中文
----
数据增强让网络在每一轮看到每张训练图片略有不同的样子，使它学到的是物体本身，而不是像素。对于 CIFAR-10
这样 32x32 的图片，常用的流程是：

    transforms.RandomCrop(32, padding=4)   # 四周各填充 4 个 0 像素（40x40），
                                           # 再从中随机切出一个 32x32 的窗口
    transforms.RandomHorizontalFlip()      # 以 0.5 的概率左右翻转
    transforms.ToTensor()                  # PIL 字节 0..255 -> 浮点 (C, H, W) 0..1
    transforms.Normalize(mean, std)        # 对每个通道计算 (x - mean) / std

随机变换使用 torch 的全局随机数生成器，所以在使用它们之前调用 torch.manual_seed(seed) 就能让结果可复现：
相同的种子得到相同的裁剪和翻转。测试图片永远不做增强：只用 ToTensor 和 Normalize。

请实现（mean = std = (0.5, 0.5, 0.5)，取值落在 -1 .. 1 之间）：

1. `train_transform()`：按上面的顺序把四个变换用 Compose 组合起来。
2. `test_transform()`：先 ToTensor 再 Normalize，没有任何随机变换。
3. `augment_batch(images, seed)`：把由 32x32 RGB PIL 图片组成的列表变成 (N, 3, 32, 32) 的张量：先用 `seed`
   给 torch 的生成器设置一次种子，再按列表的顺序让每张图片经过 train_transform()。相同的种子得到相同的张量；
   每张图片仍然有自己的随机裁剪和翻转。

Check your work / 检查：  learn check augment_pipeline
"""

import torch
from PIL import Image
from torchvision import transforms

MEAN = (0.5, 0.5, 0.5)
STD = (0.5, 0.5, 0.5)


def train_transform() -> transforms.Compose:
    # TODO: RandomCrop(32, padding=4), RandomHorizontalFlip(), ToTensor(), Normalize(MEAN, STD).
    # TODO：RandomCrop(32, padding=4)、RandomHorizontalFlip()、ToTensor()、Normalize(MEAN, STD)。
    raise NotImplementedError("train_transform")


def test_transform() -> transforms.Compose:
    # TODO / 待完成
    raise NotImplementedError("test_transform")


def augment_batch(images: list[Image.Image], seed: int) -> torch.Tensor:
    # TODO: torch.manual_seed(seed) once, then stack the transformed images.
    # TODO：调用一次 torch.manual_seed(seed)，然后把变换后的图片堆叠起来。
    raise NotImplementedError("augment_batch")
