# exercise: conv_output_size
# expect: EOFError
# Wait for input that never comes.
answer = input("size? ")


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return int(answer)
