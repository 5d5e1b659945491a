# The pseudo-inverse for the exact line; descent on one parameter vector [slope, intercept].
import torch


def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    design = torch.column_stack((x, torch.ones_like(x)))
    slope, intercept = (torch.linalg.pinv(design) @ y).tolist()
    return slope, intercept


def fit_line(x: torch.Tensor, y: torch.Tensor, lr: float = 0.05, steps: int = 1000) -> tuple[float, float]:
    params = torch.zeros(2, requires_grad=True)
    optimizer = torch.optim.SGD([params], lr=lr)
    for _ in range(steps):
        prediction = params[0] * x + params[1]
        loss = torch.mean((prediction - y) ** 2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    slope, intercept = params.detach().tolist()
    return slope, intercept
