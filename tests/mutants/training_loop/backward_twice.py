# expect: backward() ran twice over the same graph
def train(model, loader, loss_fn, optimizer, epochs):
    model.train()
    history = []
    for _ in range(epochs):
        total = 0.0
        for inputs, targets in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            loss.backward()  # "to be sure the gradients are there"
            total += loss.item()
        history.append(total / len(loader))
    return history
