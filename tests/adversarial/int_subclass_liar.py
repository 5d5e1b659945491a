# exercise: conv_output_size
# expect: got an object of type submission.Liar
# A subclass of an accepted type (int) whose comparisons always succeed.
class Liar(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return Liar(0)
