# exercise: conv_output_size
# expect: your code replaced grader.
# Reach into the grader running in this process and make it send a forged answer.
import grader.probe.main
import grader.probe.record

grader.probe.record.encode_value = lambda value, depth=0: 3
grader.probe.main.encode_value = lambda value, depth=0: 3


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return 0
