# expect: Pass the tag argument on to add_scalar
"""Reference solution: scalars and image batches written with TensorBoard's SummaryWriter."""

import torch
from torch.utils.tensorboard import SummaryWriter


def log_losses(log_dir: str, losses: list[float], tag: str = "train/loss") -> None:
    writer = SummaryWriter(log_dir)
    for step, loss in enumerate(losses):
        writer.add_scalar("train/loss", loss, global_step=step)
    writer.close()


def log_images(log_dir: str, images: torch.Tensor, step: int, channels_last: bool = False) -> None:
    writer = SummaryWriter(log_dir)
    writer.add_images("input", images, global_step=step, dataformats="NHWC" if channels_last else "NCHW")
    writer.close()


def log_feature_maps(log_dir: str, features: torch.Tensor, step: int) -> None:
    batch, channels, height, width = features.shape
    if channels % 3 != 0:
        raise ValueError(f"{channels} channels cannot be shown as RGB images")
    writer = SummaryWriter(log_dir)
    writer.add_images("output", features.reshape(-1, 3, height, width), global_step=step)
    writer.close()


def log_graph(log_dir, model, example):
    writer = SummaryWriter(log_dir)
    writer.add_graph(model, example)
    writer.close()
