"""NumPy arrays for the images, .item() for the losses, a counter for the steps."""

import torch
from torch.utils.tensorboard import SummaryWriter


def log_losses(log_dir, losses, tag="train/loss"):
    writer = SummaryWriter(log_dir)
    step = 0
    for loss in losses:
        writer.add_scalar(tag, torch.as_tensor(loss).item(), global_step=step)
        step += 1
    writer.close()


def log_images(log_dir, images, step, channels_last=False):
    array = images.detach().cpu().numpy()
    writer = SummaryWriter(log_dir)
    if channels_last:
        writer.add_images("input", array, step, dataformats="NHWC")
    else:
        writer.add_images("input", array, step, dataformats="NCHW")
    writer.close()


def log_feature_maps(log_dir, features, step):
    n, c, h, w = features.shape
    groups, rest = divmod(c, 3)
    if rest:
        raise ValueError("channels not a multiple of 3")
    writer = SummaryWriter(log_dir)
    writer.add_images("output", features.reshape(n * groups, 3, h, w).numpy(), step)
    writer.close()


def log_graph(log_dir, model, example):
    writer = SummaryWriter(log_dir)
    writer.add_graph(model, example, verbose=False)
    writer.flush()
    writer.close()
