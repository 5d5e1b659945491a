# expect: sees the whole batch as ONE sample
import torch


def flatten_batch(x):
    return torch.flatten(x)


def linear_in_features(features, input_shape):
    param = next(features.parameters(), None)
    device = param.device if param is not None else "cpu"
    dtype = param.dtype if param is not None else torch.float32
    was_training = features.training
    features.eval()
    with torch.no_grad():
        out = features(torch.zeros(1, *input_shape, device=device, dtype=dtype))
    features.train(was_training)
    return out[0].numel()
