# expect: You averaged the per-batch accuracies
import torch


def accuracy(model, loader):
    model.eval()
    scores = []
    with torch.no_grad():
        for inputs, labels in loader:
            predicted = model(inputs).argmax(dim=1)
            scores.append((predicted == labels).float().mean().item())
    return sum(scores) / len(scores)
