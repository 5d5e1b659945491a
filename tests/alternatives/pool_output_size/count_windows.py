# Slides the window position by position, the way ceil_mode is described: a start counts while it
# lies before size + padding and (without ceil_mode) the whole window fits.
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    step = kernel_size if stride is None else stride
    span = dilation * (kernel_size - 1) + 1
    end = size + 2 * padding
    count = 0
    start = 0
    while True:
        whole = start + span <= end
        partial_allowed = ceil_mode and start < size + padding and start + 1 <= end - (span - 1) + step - 1
        if not (whole or partial_allowed):
            break
        count += 1
        start += step
    return count
