# zero_grad(set_to_none=True) before the forward pass; batches counted with enumerate.
import torch


def train(model, loader, loss_fn, optimizer, epochs):
    losses: list[float] = []
    model.train(True)
    for epoch in range(epochs):
        total = 0.0
        count = 0
        for count, (x, y) in enumerate(loader, start=1):
            optimizer.zero_grad(set_to_none=True)
            prediction = model(x)
            loss = loss_fn(prediction, y)
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        losses.append(total / count)
    return losses
