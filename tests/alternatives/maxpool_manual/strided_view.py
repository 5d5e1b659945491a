# Windows as a strided view (as_strided), then the max of each flattened window.
import torch
import torch.nn.functional as F


def max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False):
    k = kernel_size
    s = stride if stride else k

    def out_len(n):
        span = n + 2 * padding - k
        count = (span + (s - 1 if ceil_mode else 0)) // s + 1
        if ceil_mode and (count - 1) * s >= n + padding:
            count -= 1
        return count

    n_, c_, h, w = input.shape
    oh, ow = out_len(h), out_len(w)
    pad_bottom = max((oh - 1) * s + k - h - padding, 0)
    pad_right = max((ow - 1) * s + k - w - padding, 0)
    x = F.pad(input, (padding, pad_right, padding, pad_bottom), value=float("-inf")).contiguous()
    sn, sc, sh, sw = x.stride()
    windows = x.as_strided((n_, c_, oh, ow, k, k), (sn, sc, sh * s, sw * s, sh, sw))
    return windows.reshape(n_, c_, oh, ow, k * k).max(dim=-1)[0]
