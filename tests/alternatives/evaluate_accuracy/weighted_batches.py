# Per-batch accuracies weighted by the batch size: the same as counting, also for a short last batch.
import torch


def accuracy(model, loader) -> float:
    model.eval()
    weighted, seen = 0.0, 0
    with torch.inference_mode():
        for inputs, labels in loader:
            batch_accuracy = (model(inputs).argmax(1) == labels).double().mean().item()
            weighted += batch_accuracy * len(labels)
            seen += len(labels)
    return float(weighted / seen)
