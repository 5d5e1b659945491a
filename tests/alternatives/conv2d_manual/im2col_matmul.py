# im2col: F.unfold lays every window out as a column, one matrix product does all output channels.
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    n, _, h, w = input.shape
    out_channels, _, k_h, k_w = kernel.shape
    columns = F.unfold(input, (k_h, k_w), padding=padding, stride=stride)  # (N, C*kH*kW, L)
    out = kernel.reshape(out_channels, -1) @ columns  # (N, O, L)
    out_h = (h + 2 * padding - k_h) // stride + 1
    out_w = (w + 2 * padding - k_w) // stride + 1
    return out.reshape(n, out_channels, out_h, out_w)
