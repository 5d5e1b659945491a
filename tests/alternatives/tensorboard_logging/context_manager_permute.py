"""The writer as a context manager; a channels-last batch permuted back to (N, C, H, W)."""

from torch.utils.tensorboard import SummaryWriter


def log_losses(log_dir, losses, tag="train/loss"):
    with SummaryWriter(log_dir=log_dir) as writer:
        for step in range(len(losses)):
            writer.add_scalar(tag, float(losses[step]), step)


def log_images(log_dir, images, step, channels_last=False):
    if channels_last:
        images = images.permute(0, 3, 1, 2)
    with SummaryWriter(log_dir=log_dir) as writer:
        writer.add_images("input", images, step)


def log_feature_maps(log_dir, features, step):
    if features.shape[1] % 3:
        raise ValueError("the channels must come in groups of 3")
    with SummaryWriter(log_dir=log_dir) as writer:
        writer.add_images("output", features.view(-1, 3, *features.shape[2:]), step)


def log_graph(log_dir, model, example):
    with SummaryWriter(log_dir=log_dir) as writer:
        writer.add_graph(model, input_to_model=example)
