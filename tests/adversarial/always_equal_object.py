# exercise: conv_output_size
# expect: got an object of type submission.Everything
# An object that claims to equal (and to be greater, smaller and true) everything.
class Everything:
    def __eq__(self, other):
        return True

    __lt__ = __gt__ = __le__ = __ge__ = __eq__

    def __ne__(self, other):
        return False

    def __bool__(self):
        return True

    def __hash__(self):
        return 0

    def __abs__(self):
        return self


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return Everything()
