# Each epoch's losses collected in a list and averaged with np.mean (an np.float64, which is a float).
import numpy as np


def train(model, loader, loss_fn, optimizer, epochs):
    model.train()
    history = []
    for epoch in range(epochs):
        batch_losses = []
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            batch_losses.append(loss.item())
        history.append(np.mean(batch_losses) if batch_losses else 0.0)
    return history
