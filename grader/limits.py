"""Default resource limits, said once: the catalogue, the probe limits and the grading commands share them."""

#: wall-clock seconds one probe may run, unless the catalogue says otherwise for an exercise
DEFAULT_TIMEOUT = 20.0
#: memory one probe may allocate (RLIMIT_DATA), in MiB
DEFAULT_MEMORY_MB = 4096
#: exercises graded at once by `learn grade` and a Gradescope autograder
DEFAULT_JOBS = 2
