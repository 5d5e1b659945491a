# expect: call model.eval() first
import torch


def accuracy(model, loader):
    correct = total = 0
    with torch.no_grad():
        for inputs, labels in loader:
            predicted = model(inputs).argmax(dim=1)
            correct += (predicted == labels).sum().item()
            total += labels.size(0)
    return correct / total
