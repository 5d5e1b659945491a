# The textbook sigmoid; predictions with torch.where; nn.Parameter-free SGD on two leaves.
import torch


def sigmoid(z: torch.Tensor) -> torch.Tensor:
    return 1.0 / (1.0 + torch.exp(-z))


def bce_loss(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    per_sample = y * torch.clamp(torch.log(p), min=-100.0) + (1.0 - y) * torch.clamp(torch.log1p(-p), min=-100.0)
    return -torch.mean(per_sample)


def predict(p: torch.Tensor, threshold: float = 0.5) -> torch.Tensor:
    return torch.where(p > threshold, torch.ones_like(p, dtype=torch.int64), torch.zeros_like(p, dtype=torch.int64))


def fit_logistic(x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, epochs: int = 300):
    weight = torch.zeros(x.size(1), dtype=x.dtype, device=x.device).requires_grad_()
    bias = torch.zeros((), dtype=x.dtype, device=x.device).requires_grad_()
    optimizer = torch.optim.SGD([weight, bias], lr=lr)
    for _ in range(epochs):
        optimizer.zero_grad()
        bce_loss(sigmoid(torch.mv(x, weight) + bias), y).backward()
        optimizer.step()
    return weight.detach().clone(), bias.detach().clone()
