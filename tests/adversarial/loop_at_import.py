# exercise: conv_output_size
# expect: Timed out after 3 s
# timeout: 3
while True:
    pass
