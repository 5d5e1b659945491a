"""A CNN for handwritten digits / 手写数字的卷积网络

English
-------
The notes train a CNN on MNIST (28x28 digits, downloaded). Here you do the
same on scikit-learn's bundled digits: 1797 images of 8x8 pixels, values 0..16,
labels 0..9 (`sklearn.datasets.load_digits`, no download), on a CPU with one
thread.

1. `load_data() -> (x_train, y_train, x_test, y_test)`:
   - images as float32 of shape (N, 1, 8, 8) (one channel), scaled to [0, 1]
     by dividing by 16;
   - labels as int64 of shape (N,) (CrossEntropyLoss wants class indices);
   - the first 1437 images are the training set, the last 360 the test set
     (no shuffling: the split must be the same every time).
2. `DigitsCNN(nn.Module)`: (N, 1, 8, 8) -> (N, 10) class scores, with at least
   one nn.Conv2d and fewer than 100,000 parameters. A design that works:

       Conv2d(1, 16, 3, padding=1) -> ReLU -> MaxPool2d(2)    (N, 16, 4, 4)
       Conv2d(16, 32, 3, padding=1) -> ReLU -> MaxPool2d(2)   (N, 32, 2, 2)
       Flatten -> Linear(128, 10)                             (N, 10)

   No softmax at the end: nn.CrossEntropyLoss applies it itself.
   Flatten with nn.Flatten() or torch.flatten(x, 1), keeping the batch.
3. `train_model(model, x, y) -> list[float]`: train the model in place on
   (x, y) and return the mean loss of every epoch. You choose the details;
   Adam(lr=0.01), batches of 64 with shuffle=True and 15 epochs work well.

The check trains your model on the training set and needs at least 90% accuracy
on the 360 test images. Training must fit in the exercise's 60-second limit
(together with the other checks); the suggested settings take a second or two.

中文
----
笔记在 MNIST（28x28 的数字，需要下载）上训练 CNN。这里你在 scikit-learn 自带的 digits
数据上做同样的事：1797 张 8x8 像素的图片，取值 0..16，标签 0..9
（`sklearn.datasets.load_digits`，无需下载），在单线程的 CPU 上运行。

1. `load_data() -> (x_train, y_train, x_test, y_test)`：
   - 图片为 float32，形状 (N, 1, 8, 8)（一个通道），除以 16 缩放到 [0, 1]；
   - 标签为 int64，形状 (N,)（CrossEntropyLoss 需要类别编号）；
   - 前 1437 张是训练集，最后 360 张是测试集（不要打乱：每次划分都必须相同）。
2. `DigitsCNN(nn.Module)`：(N, 1, 8, 8) -> (N, 10) 的类别得分，至少包含一个 nn.Conv2d，
   参数少于 100,000 个。一个可行的结构：

       Conv2d(1, 16, 3, padding=1) -> ReLU -> MaxPool2d(2)    (N, 16, 4, 4)
       Conv2d(16, 32, 3, padding=1) -> ReLU -> MaxPool2d(2)   (N, 32, 2, 2)
       Flatten -> Linear(128, 10)                             (N, 10)

   最后不要加 softmax：nn.CrossEntropyLoss 自己会做。展平用 nn.Flatten() 或 torch.flatten(x, 1)，保留批次维度。
3. `train_model(model, x, y) -> list[float]`：在 (x, y) 上就地训练模型，返回每一轮的平均损失。
   细节由你决定；Adam(lr=0.01)、每批 64 个并 shuffle=True、训练 15 轮效果很好。

检查程序会在训练集上训练你的模型，要求在 360 张测试图片上准确率至少 90%。
训练（连同其他检查）必须在本练习 60 秒的时限内完成；建议的设置只需一两秒。

Check your work / 检查：  learn check digits_cnn
"""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def load_data() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    # TODO: sklearn.datasets.load_digits(); images / 16 as float32 (N, 1, 8, 8), labels int64; first 1437 train.
    # TODO：sklearn.datasets.load_digits()；图片除以 16，float32，(N, 1, 8, 8)；标签 int64；前 1437 张为训练集。
    raise NotImplementedError("load_data")


class DigitsCNN(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: convolution and pooling layers, then a Linear layer with 10 outputs.
        # TODO：卷积层和池化层，最后是输出 10 个值的 Linear 层。

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO / 待完成
        raise NotImplementedError("DigitsCNN.forward")


def train_model(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> list[float]:
    # TODO: a DataLoader over (x, y), an optimizer, CrossEntropyLoss, a few epochs; return the mean loss per epoch.
    # TODO：(x, y) 上的 DataLoader、一个优化器、CrossEntropyLoss、训练几轮；返回每一轮的平均损失。
    raise NotImplementedError("train_model")
