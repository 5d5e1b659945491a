# exercise: conv_output_size
# expect: exit code 0
# Hooks that run after the verdicts (atexit) or in the middle of the grader's own work (__del__).
import atexit
import gc
import os

atexit.register(lambda: print('{"passed": true}'))


class Bomb:
    def __del__(self):
        os._exit(0)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    bomb = Bomb()
    bomb.self = bomb  # a cycle: only the garbage collector frees it, whenever it runs
    del bomb
    gc.collect()
    return 0
