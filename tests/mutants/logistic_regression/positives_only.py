# expect: (1 - y) * log(1 - p) for the negatives
import torch


def sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def bce_loss(p, y):
    return -(y * torch.log(p).clamp(min=-100)).mean()


def predict(p, threshold=0.5):
    return (p > threshold).long()


def fit_logistic(x, y, lr=0.1, epochs=300):
    weight = torch.zeros(x.shape[1], requires_grad=True)
    bias = torch.zeros((), requires_grad=True)
    optimizer = torch.optim.SGD([weight, bias], lr=lr)
    for _ in range(epochs):
        loss = bce_loss(sigmoid(x @ weight + bias), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return weight.detach(), bias.detach()

