# exercise: conv_output_size
# expect: got an object of type submission.Evil
# relate#295: a numpy float64 subclass slips past isinstance checks.
import numpy as np


class Evil(np.float64):
    def __eq__(self, other):
        return True

    def item(self):
        return 3


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return Evil(0.0)
