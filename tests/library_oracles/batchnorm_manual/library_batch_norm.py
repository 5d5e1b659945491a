"""PyTorch's F.batch_norm, on copies of the running statistics (it updates them in place)."""
import torch.nn.functional as F


def batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.1, eps=1e-5):
    new_mean, new_var = running_mean.clone(), running_var.clone()
    y = F.batch_norm(x, new_mean, new_var, weight, bias, training=True, momentum=momentum, eps=eps)
    return y, new_mean, new_var


def batch_norm_eval(x, running_mean, running_var, weight, bias, eps=1e-5):
    return F.batch_norm(x, running_mean, running_var, weight, bias, training=False, eps=eps)
