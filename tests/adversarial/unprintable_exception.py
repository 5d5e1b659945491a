# exercise: conv_output_size
# expect: message could not be read
# An exception whose message itself raises.
class Cursed(Exception):
    def __str__(self):
        raise RuntimeError("no")


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    raise Cursed()
