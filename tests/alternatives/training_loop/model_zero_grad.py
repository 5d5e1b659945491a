# model.zero_grad() after the forward pass; the epoch mean from a list of floats.
def train(model, loader, loss_fn, optimizer, epochs):
    model.train()
    history = []
    for _ in range(epochs):
        batch_losses = []
        for inputs, targets in loader:
            loss = loss_fn(model(inputs), targets)
            model.zero_grad()
            loss.backward()
            optimizer.step()
            batch_losses.append(loss.item())
        history.append(sum(batch_losses) / len(batch_losses))
    return history
