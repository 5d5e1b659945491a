"""One helper that opens, writes, flushes and closes; flatten/unflatten for the channel groups."""

from torch.utils.tensorboard import SummaryWriter


def _write(log_dir, action):
    writer = SummaryWriter(log_dir)
    try:
        action(writer)
        writer.flush()
    finally:
        writer.close()


def log_losses(log_dir, losses, tag="train/loss"):
    _write(log_dir, lambda w: [w.add_scalar(tag, value, global_step=i) for i, value in enumerate(losses)])


def log_images(log_dir, images, step, channels_last=False):
    layout = "NHWC" if channels_last else "NCHW"
    _write(log_dir, lambda w: w.add_images("input", images.contiguous(), global_step=step, dataformats=layout))


def log_feature_maps(log_dir, features, step):
    if features.size(1) % 3 != 0:
        raise ValueError(f"{features.size(1)} channels")
    groups = features.flatten(0, 1).unflatten(0, (-1, 3))
    _write(log_dir, lambda w: w.add_images("output", groups, global_step=step))


def log_graph(log_dir, model, example):
    _write(log_dir, lambda w: w.add_graph(model, (example,)))
