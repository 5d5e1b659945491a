"""Size formulas against what PyTorch really produces (an oracle nobody here wrote)."""

from __future__ import annotations

import importlib.util
import itertools

import torch

from tests.helpers import ROOT


def load(relative: str):
    spec = importlib.util.spec_from_file_location(relative.replace("/", "_"), ROOT / "solutions" / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_conv_output_size_matches_conv2d():
    conv_output_size = load("05_convolution/conv_output_size.py").conv_output_size
    checked = 0
    for size, k, s, p, d in itertools.product([1, 4, 7, 12, 33], [1, 2, 3, 5], [1, 2, 3], [0, 1, 2], [1, 2, 3]):
        if size + 2 * p < d * (k - 1) + 1:
            continue
        conv = torch.nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)
        out = conv(torch.zeros(1, 1, size, size)).shape[-1]
        assert conv_output_size(size, k, stride=s, padding=p, dilation=d) == out, (size, k, s, p, d)
        checked += 1
    assert checked > 300


def test_pool_output_size_matches_maxpool2d():
    pool_output_size = load("05_convolution/pool_output_size.py").pool_output_size
    checked = 0
    for size, k, s, d, ceil in itertools.product([1, 2, 5, 6, 9, 16, 31], [1, 2, 3, 4, 5], [None, 1, 2, 3], [1, 2],
                                                 [False, True]):
        for p in range(0, k // 2 + 1):
            if size + 2 * p < d * (k - 1) + 1:
                continue
            pool = torch.nn.MaxPool2d(k, stride=s, padding=p, dilation=d, ceil_mode=ceil)
            try:
                out = pool(torch.zeros(1, 1, size, size)).shape[-1]
            except RuntimeError:
                continue  # PyTorch rejects the combination (output would be empty)
            got = pool_output_size(size, k, stride=s, padding=p, dilation=d, ceil_mode=ceil)
            assert got == out, (size, k, s, p, d, ceil)
            checked += 1
    assert checked > 500


def test_notes_pool_example():
    pool = torch.nn.MaxPool2d(3, ceil_mode=True)
    x = torch.tensor([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]],
                     dtype=torch.float32).reshape(1, 1, 5, 5)
    assert pool(x).reshape(2, 2).tolist() == [[2, 3], [5, 1]]
    assert load("05_convolution/pool_output_size.py").pool_output_size(5, 3, ceil_mode=True) == 2
