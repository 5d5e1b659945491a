# expect: Use .item() to get the number out of a one-element tensor
def train(model, loader, loss_fn, optimizer, epochs):
    model.train()
    history = []
    for _ in range(epochs):
        running_loss = 0
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            running_loss = running_loss + loss
        history.append(running_loss / len(loader))
    return history
