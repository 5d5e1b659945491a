# Every prediction and label gathered first, then one comparison over the whole set.
import torch


@torch.no_grad()
def accuracy(model, loader):
    model.train(False)
    predictions, targets = [], []
    for x, y in loader:
        predictions.append(model(x).argmax(dim=-1))
        targets.append(y)
    predicted, labels = torch.cat(predictions), torch.cat(targets)
    return (predicted == labels).float().mean().item()
