# expect: Convert the data to the model's dtype
import torch
from torch import nn


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    # start_dim=1 keeps the batch; flatten copies only when the memory layout
    # requires it (a permuted input), unlike .view.
    return torch.flatten(x, 1)


def linear_in_features(features: nn.Module, input_shape: tuple[int, ...]) -> int:
    # The dummy sample must live where the weights live, in their dtype.
    param = next(features.parameters(), None)
    device = param.device if param is not None else torch.device("cpu")
    dtype = torch.float32  # the module's own dtype is ignored
    was_training = features.training
    # eval(): BatchNorm uses (and does not update) its running statistics and
    # Dropout is off; no_grad(): nothing to differentiate, so record no graph.
    features.eval()
    try:
        with torch.no_grad():
            out = features(torch.zeros(1, *input_shape, device=device, dtype=dtype))
    finally:
        features.train(was_training)
    # out[0] is the single sample; numel() reads the shape, so this works on
    # the meta device too.
    return out[0].numel()
