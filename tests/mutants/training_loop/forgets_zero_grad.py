# expect: otherwise the gradients add up
def train(model, loader, loss_fn, optimizer, epochs):
    model.train()
    history = []
    for _ in range(epochs):
        total = 0.0
        for inputs, targets in loader:
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            total += loss.item()
        history.append(total / len(loader))
    return history
