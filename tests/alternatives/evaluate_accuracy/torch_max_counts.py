# torch.max(scores, 1)[1] for the predictions; counts kept as Python ints.
import torch


def accuracy(model, loader):
    model.eval()
    correct = 0
    total = 0
    with torch.no_grad():
        for inputs, labels in loader:
            _, predicted = torch.max(model(inputs), 1)
            correct += int((predicted == labels).sum())
            total += labels.size(0)
    return correct / total
