"""Logging to TensorBoard / 用 TensorBoard 记录训练过程

English
-------
TensorBoard draws what a training run writes into a log folder: curves of
numbers, pictures, the model's graph. The notes use it again and again:

    writer = SummaryWriter("logs")
    writer.add_scalar("train/loss", loss, global_step=step)     # one point of a curve
    writer.add_images("input", imgs, global_step=step)          # a batch of images
    writer.close()

then  tensorboard --logdir=logs  (quote the path if it has spaces).

- add_scalar(tag, value, global_step): the tag names the curve, global_step
  is its x coordinate.
- add_images(tag, img_tensor, global_step, dataformats="NCHW"): a batch of N
  images, by default laid out (N, C, H, W) as a DataLoader gives them. A batch
  stored channels last, (N, H, W, C), needs dataformats="NHWC"; without it
  TensorBoard reads the wrong axes. (add_image, without s, takes ONE image
  (C, H, W).) Float images hold values 0..1.
- A convolution's output may have any number of channels, but an image has
  1 or 3. The notes show 6-channel feature maps (N, 6, H, W) by reshaping them
  into (-1, 3, H, W): twice as many 3-channel images.
- add_graph(model, input_to_model): runs the model once on the example input
  (tracing it) and stores the graph of its layers and operations, shown in
  TensorBoard's GRAPHS tab.
- The writer works in the background: the events reach the file when the
  writer is flushed or closed, so close it before you return (a writer left
  open may lose its last events).

Write (each function writes into its own log_dir with a SummaryWriter(log_dir)
that it closes):

1. `log_losses(log_dir, losses, tag="train/loss")`: one scalar per loss, at
   steps 0, 1, 2, ...
2. `log_images(log_dir, images, step, channels_last=False)`: the batch
   `images` under the tag "input" at `step`; images is (N, C, H, W), or
   (N, H, W, C) when channels_last is True.
3. `log_feature_maps(log_dir, features, step)`: feature maps (N, C, H, W)
   under the tag "output" at `step`, shown as (-1, 3, H, W) images. Raise
   ValueError when C is not a multiple of 3.
4. `log_graph(log_dir, model, example)`: the graph of `model`, traced on the
   example input batch `example`.

中文
----
TensorBoard 把训练过程写进日志文件夹的内容画出来：数值曲线、图片、模型的计算图。笔记里一次又一次地用到它：

    writer = SummaryWriter("logs")
    writer.add_scalar("train/loss", loss, global_step=step)     # 曲线上的一个点
    writer.add_images("input", imgs, global_step=step)          # 一批图片
    writer.close()

然后运行  tensorboard --logdir=logs（路径中有空格时要加引号）。

- add_scalar(tag, value, global_step)：tag 是曲线的名字，global_step 是它的横坐标。
- add_images(tag, img_tensor, global_step, dataformats="NCHW")：一批 N 张图片，默认按 DataLoader 给出的
  (N, C, H, W) 排列。通道在最后的批次 (N, H, W, C) 需要 dataformats="NHWC"；否则 TensorBoard 会读错维度。
  （不带 s 的 add_image 只接收一张图片 (C, H, W)。）浮点图片的取值范围是 0..1。
- 卷积的输出可以有任意多个通道，但图片只有 1 个或 3 个通道。笔记里把 6 通道的特征图 (N, 6, H, W)
  reshape 成 (-1, 3, H, W) 来显示：变成两倍数量的 3 通道图片。
- add_graph(model, input_to_model)：用示例输入运行一次模型（对它进行追踪），保存由各层和各个运算组成的计算图，
  显示在 TensorBoard 的 GRAPHS 页面中。
- writer 在后台工作：只有 flush 或 close 之后，事件才会写进文件，所以返回之前要关闭它（没有关闭的 writer
  可能丢失最后的事件）。

请实现（每个函数都用 SummaryWriter(log_dir) 写入给定的 log_dir，并关闭它）：

1. `log_losses(log_dir, losses, tag="train/loss")`：每个损失值记录一个标量，步数依次为 0, 1, 2, ...
2. `log_images(log_dir, images, step, channels_last=False)`：在 `step` 处以 tag "input" 记录这批 `images`；
   images 的形状为 (N, C, H, W)，channels_last 为 True 时为 (N, H, W, C)。
3. `log_feature_maps(log_dir, features, step)`：在 `step` 处以 tag "output" 记录特征图 (N, C, H, W)，
   显示为 (-1, 3, H, W) 的图片。C 不是 3 的倍数时抛出 ValueError。
4. `log_graph(log_dir, model, example)`：记录 `model` 的计算图，用示例输入批次 `example` 进行追踪。

Check your work / 检查：  learn check tensorboard_logging
"""

import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter


def log_losses(log_dir: str, losses: list[float], tag: str = "train/loss") -> None:
    # TODO: add_scalar at steps 0, 1, 2, ...; close the writer.
    # TODO：在步数 0, 1, 2, ... 处 add_scalar；关闭 writer。
    raise NotImplementedError("log_losses")


def log_images(log_dir: str, images: torch.Tensor, step: int, channels_last: bool = False) -> None:
    # TODO: add_images with the right dataformats; close the writer.
    # TODO：用正确的 dataformats 调用 add_images；关闭 writer。
    raise NotImplementedError("log_images")


def log_feature_maps(log_dir: str, features: torch.Tensor, step: int) -> None:
    # TODO: check C % 3, reshape to (-1, 3, H, W), add_images under "output"; close the writer.
    # TODO：检查 C % 3，reshape 成 (-1, 3, H, W)，以 "output" 调用 add_images；关闭 writer。
    raise NotImplementedError("log_feature_maps")


def log_graph(log_dir: str, model: nn.Module, example: torch.Tensor) -> None:
    # TODO: add_graph(model, example); close the writer.
    # TODO：add_graph(model, example)；关闭 writer。
    raise NotImplementedError("log_graph")
