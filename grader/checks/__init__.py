"""One check module per exercise, named after the exercise id.

Each module defines `suite = Suite(...)` and registers cases with
`@suite.case(...)`; see grader/suite.py for the vocabulary and
grader/checks/conv_output_size.py for a small, complete example.
"""
