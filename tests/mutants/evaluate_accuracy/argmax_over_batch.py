# expect: You took the argmax over dim 0
import torch


def accuracy(model, loader):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for inputs, labels in loader:
            _, predicted = torch.max(model(inputs), dim=0)
            correct += (predicted == labels).sum().item()
            total += labels.size(0)
    return correct / total
