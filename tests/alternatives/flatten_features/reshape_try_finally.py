# reshape(N, -1) for the batch; in_features from a dummy batch with the mode put back by hand.
import math

import torch


def flatten_batch(x):
    return x.reshape(x.shape[0], -1)


def linear_in_features(features, input_shape):
    first = next(features.parameters(), None)
    device = first.device if first is not None else torch.device("cpu")
    dtype = first.dtype if first is not None else torch.float32
    was_training = features.training
    features.eval()
    try:
        with torch.no_grad():
            out = features(torch.zeros((1, *input_shape), device=device, dtype=dtype))
    finally:
        features.train(was_training)
    return math.prod(out.shape[1:])
