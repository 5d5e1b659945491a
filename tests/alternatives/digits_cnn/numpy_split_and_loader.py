# Data through numpy (reshape to one channel), a DataLoader over a TensorDataset, Adam for 15 epochs.
import numpy as np
import torch
from sklearn import datasets
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def load_data():
    data = datasets.load_digits()
    x = torch.from_numpy((data.data.reshape(-1, 1, 8, 8) / 16.0).astype(np.float32))
    y = torch.from_numpy(data.target.astype(np.int64))
    split = 1437
    return x[:split], y[:split], x[split:], y[split:]


class DigitsCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.block1 = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.block2 = nn.Sequential(nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(128, 10))

    def forward(self, x):
        return self.head(self.block2(self.block1(x)))


def train_model(model, x, y):
    loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    criterion = nn.CrossEntropyLoss()
    epoch_losses = []
    model.train()
    for _ in range(15):
        losses = []
        for images, labels in loader:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        epoch_losses.append(float(np.mean(losses)))
    return epoch_losses
