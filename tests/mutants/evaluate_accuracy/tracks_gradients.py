# expect: Put the whole loop inside `with torch.no_grad():`
def accuracy(model, loader):
    model.eval()
    correct = total = 0
    for inputs, labels in loader:
        predicted = model(inputs).argmax(dim=1)
        correct += (predicted == labels).sum().item()
        total += labels.size(0)
    return correct / total
