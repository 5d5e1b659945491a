"""Reference solution: logistic regression with a hand-written sigmoid and BCE."""

import torch


def sigmoid(z: torch.Tensor) -> torch.Tensor:
    # exp(-z) only overflows for very negative z, where 1 / (1 + inf) is a clean 0.
    return 1 / (1 + torch.exp(-z))


def bce_loss(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    # Clamping like nn.BCELoss keeps 0 * log(0) from turning into nan.
    log_p = torch.log(p).clamp(min=-100)
    log_not_p = torch.log(1 - p).clamp(min=-100)
    return -(y * log_p + (1 - y) * log_not_p).mean()


def predict(p: torch.Tensor, threshold: float = 0.5) -> torch.Tensor:
    return (p > threshold).long()


def fit_logistic(x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, epochs: int = 300) -> tuple[torch.Tensor, torch.Tensor]:
    weight = torch.zeros(x.shape[1], dtype=x.dtype, device=x.device, requires_grad=True)
    bias = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    optimizer = torch.optim.SGD([weight, bias], lr=lr)
    for _ in range(epochs):
        loss = bce_loss(sigmoid(x @ weight + bias), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # Detached copies: the caller gets numbers, not a handle into our graph.
    return weight.detach(), bias.detach()
