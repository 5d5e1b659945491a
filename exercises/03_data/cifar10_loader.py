"""CIFAR-10 with torchvision datasets and transforms / 用 torchvision 加载 CIFAR-10

English
-------
Nearly every example in the notes starts like this:

    dataset = torchvision.datasets.CIFAR10(root, train=False, download=True,
                                           transform=torchvision.transforms.ToTensor())
    dataloader = DataLoader(dataset, batch_size=64, shuffle=True)

CIFAR10(root, train, transform, download) reads the folder
root/cifar-10-batches-py: five training files (50 000 images in the real
data set) and one test file (10 000). Each item is a pair (image, label):
a 32x32 RGB PIL image passed through `transform`, and an int class label.
`dataset.classes` lists the 10 class names ('airplane', 'automobile', ...).

ToTensor turns a PIL image (height, width, channels) of bytes 0..255 into a
float tensor (channels, height, width) of values 0..1. Normalize(mean, std)
then computes (x - mean) / std for each channel. Compose([...]) chains
transforms in the order given. make_grid(images, nrow) lays a batch
(N, C, H, W) out as one image: nrow images per row, separated (and framed)
by padding=2 pixels of zeros; this is what the notes pass to TensorBoard's
add_image.

Never download here: the data is already in `root` (download=False).

Write:

1. `load_cifar(root, train)`: the CIFAR-10 training set (train=True) or test
   set (train=False) in root, with ToTensor as its transform.
2. `class_names(root)`: the list of the 10 class names.
3. `cifar_loader(root, batch_size=64)`: a DataLoader over the test set whose
   transform is ToTensor followed by Normalize with the CIFAR-10 channel
   means (0.4914, 0.4822, 0.4465) and standard deviations
   (0.2470, 0.2435, 0.2616), batches of batch_size, shuffled.
4. `first_images_grid(root, count=8)`: the first `count` test images (in file
   order, with ToTensor only) laid out by make_grid with 4 images per row:
   for 8 images a tensor of shape (3, 70, 138).

中文
----
笔记中几乎每个例子都是这样开始的：

    dataset = torchvision.datasets.CIFAR10(root, train=False, download=True,
                                           transform=torchvision.transforms.ToTensor())
    dataloader = DataLoader(dataset, batch_size=64, shuffle=True)

CIFAR10(root, train, transform, download) 读取 root/cifar-10-batches-py 文件夹：五个训练文件
（真实数据集中共 50 000 张图片）和一个测试文件（10 000 张）。每一项都是一对 (image, label)：
一张 32x32 的 RGB PIL 图片（经过 `transform` 处理）和一个 int 类别标签。`dataset.classes` 列出
10 个类别的名字（'airplane'、'automobile' 等）。

ToTensor 把字节取值 0..255、形状为 (高, 宽, 通道) 的 PIL 图片变成取值 0..1、形状为 (通道, 高, 宽) 的
浮点张量。Normalize(mean, std) 再对每个通道计算 (x - mean) / std。Compose([...]) 按给定的顺序串联多个
变换。make_grid(images, nrow) 把一个批次 (N, C, H, W) 拼成一张图片：每行 nrow 张，图片之间（以及四周）
用 padding=2 个像素的 0 隔开；笔记里传给 TensorBoard 的 add_image 的就是它。

这里绝不下载：数据已经在 `root` 中（download=False）。

请实现：

1. `load_cifar(root, train)`：root 中的 CIFAR-10 训练集（train=True）或测试集（train=False），
   变换为 ToTensor。
2. `class_names(root)`：10 个类别名字组成的列表。
3. `cifar_loader(root, batch_size=64)`：测试集上的 DataLoader，变换为 ToTensor 之后接 Normalize，
   使用 CIFAR-10 各通道的均值 (0.4914, 0.4822, 0.4465) 和标准差 (0.2470, 0.2435, 0.2616)；
   每批 batch_size 个样本，并且打乱顺序。
4. `first_images_grid(root, count=8)`：测试集中前 `count` 张图片（按文件中的顺序，只用 ToTensor），
   用 make_grid 每行放 4 张拼起来：8 张图片得到形状为 (3, 70, 138) 的张量。

Check your work / 检查：  learn check cifar10_loader
"""

import torch
import torchvision
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.utils import make_grid

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


def load_cifar(root: str, train: bool) -> torchvision.datasets.CIFAR10:
    # TODO: torchvision.datasets.CIFAR10(..., download=False, transform=...)
    # TODO：torchvision.datasets.CIFAR10(..., download=False, transform=...)
    raise NotImplementedError("load_cifar")


def class_names(root: str) -> list[str]:
    # TODO / 待完成
    raise NotImplementedError("class_names")


def cifar_loader(root: str, batch_size: int = 64) -> DataLoader:
    # TODO: Compose([ToTensor(), Normalize(CIFAR_MEAN, CIFAR_STD)]), then a shuffling DataLoader.
    # TODO：Compose([ToTensor(), Normalize(CIFAR_MEAN, CIFAR_STD)])，然后创建打乱顺序的 DataLoader。
    raise NotImplementedError("cifar_loader")


def first_images_grid(root: str, count: int = 8) -> torch.Tensor:
    # TODO: stack the first count test images, then make_grid(..., nrow=4).
    # TODO：把测试集前 count 张图片堆叠起来，然后 make_grid(..., nrow=4)。
    raise NotImplementedError("first_images_grid")
