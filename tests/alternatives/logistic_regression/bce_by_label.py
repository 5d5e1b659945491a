# The loss picked per label with torch.where (labels are 0.0 or 1.0), predict via gt and to(int64).
import torch


def sigmoid(z):
    return torch.reciprocal(1 + torch.exp(-z))


def bce_loss(p, y):
    log_pos = torch.log(p).clamp(min=-100)
    log_neg = torch.log(1 - p).clamp(min=-100)
    return torch.where(y == 1, -log_pos, -log_neg).mean()


def predict(p, threshold=0.5):
    return p.gt(threshold).to(torch.int64)


def fit_logistic(x, y, lr=0.1, epochs=300):
    w = torch.zeros(x.shape[-1], requires_grad=True)
    b = torch.zeros([], requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    for _ in range(epochs):
        loss = bce_loss(sigmoid((x * w).sum(dim=1) + b), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return w.detach(), b.detach()
