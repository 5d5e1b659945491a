"""Folds the statistics into one scale and one shift per channel, then a single multiply-add."""
import torch


def batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.1, eps=1e-5):
    reduce = (0,) + tuple(range(2, x.dim()))
    count = 1
    for d in reduce:
        count *= x.shape[d]
    if count < 2:
        raise ValueError(f"{count} value per channel")
    mean = x.mean(reduce, keepdim=True)
    var = ((x - mean) * (x - mean)).mean(reduce, keepdim=True)
    view = mean.shape
    scale = weight.view(view) / (var + eps).sqrt()
    shift = bias.view(view) - mean * scale
    y = x * scale + shift
    with torch.no_grad():
        new_mean = running_mean + momentum * (mean.flatten() - running_mean)
        new_var = running_var + momentum * (var.flatten() * count / (count - 1) - running_var)
    return y, new_mean, new_var


def batch_norm_eval(x, running_mean, running_var, weight, bias, eps=1e-5):
    view = [1, -1] + [1] * (x.dim() - 2)
    scale = weight / (running_var + eps).sqrt()
    shift = bias - running_mean * scale
    return x * scale.view(view) + shift.view(view)
