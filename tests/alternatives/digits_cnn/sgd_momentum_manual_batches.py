# Batches cut by hand from a random permutation; SGD with momentum; padding-free convolutions.
import torch
from sklearn.datasets import load_digits
from torch import nn


def load_data():
    digits = load_digits()
    images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16.0
    labels = torch.tensor(digits.target, dtype=torch.int64)
    return images[:1437], labels[:1437], images[1437:], labels[1437:]


class DigitsCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(),   # (N, 32, 6, 6)
            nn.Conv2d(32, 32, 3), nn.ReLU(),  # (N, 32, 4, 4)
            nn.MaxPool2d(2),                  # (N, 32, 2, 2)
        )
        self.classifier = nn.Linear(32 * 2 * 2, 10)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def train_model(model, x, y):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    history = []
    for _ in range(20):
        order = torch.randperm(len(x))
        total, batches = 0.0, 0
        for start in range(0, len(x), 32):
            index = order[start:start + 32]
            optimizer.zero_grad()
            loss = loss_fn(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        history.append(total / batches)
    return history
