# torch.flatten(x, start_dim=1); the module's device from its buffers too, and a decorated no_grad helper.
import torch


def flatten_batch(x):
    return torch.flatten(x, start_dim=1)


@torch.no_grad()
def _features_of_one(features, input_shape):
    tensors = list(features.parameters()) + list(features.buffers())
    like = tensors[0] if tensors else torch.empty(0)
    sample = like.new_zeros((1,) + tuple(input_shape)) if like.is_floating_point() else torch.zeros(1, *input_shape)
    return features(sample)


def linear_in_features(features, input_shape):
    mode = features.training
    features.train(False)
    try:
        out = _features_of_one(features, input_shape)
    finally:
        features.train(mode)
    return flatten_batch(out).shape[1]
