"""Reference solution: the training loop."""

from typing import Callable, Iterable

import torch
from torch import nn


def train(
    model: nn.Module,
    loader: Iterable,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    optimizer: torch.optim.Optimizer,
    epochs: int,
) -> list[float]:
    # The model may come back from an evaluation in eval mode; Dropout and
    # BatchNorm must be in their training behaviour while we learn.
    model.train()
    history = []
    for _ in range(epochs):
        total, batches = 0.0, 0
        for inputs, targets in loader:
            loss = loss_fn(model(inputs), targets)
            optimizer.zero_grad()  # .grad accumulates; start each batch from nothing
            loss.backward()
            optimizer.step()
            total += loss.item()  # a float: keeping the tensor would keep its graph alive
            batches += 1
        history.append(total / batches if batches else 0.0)
    return history
