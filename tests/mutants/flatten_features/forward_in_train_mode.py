# expect: updates BatchNorm's running statistics
import torch


def flatten_batch(x):
    return torch.flatten(x, 1)


def linear_in_features(features, input_shape):
    param = next(features.parameters(), None)
    device = param.device if param is not None else "cpu"
    dtype = param.dtype if param is not None else torch.float32
    out = features(torch.zeros(1, *input_shape, device=device, dtype=dtype))
    return out[0].numel()
