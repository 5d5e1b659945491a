# The ReLU layer inside an nn.Sequential; AddOne via the reflected addition 1 + input.
from torch import nn


class AddOne(nn.Module):
    def __init__(self):
        super(AddOne, self).__init__()

    def forward(self, input):
        return 1 + input


class ReluNet(nn.Module):
    def __init__(self):
        super(ReluNet, self).__init__()
        self.body = nn.Sequential(nn.ReLU())

    def forward(self, input):
        return self.body(input)
