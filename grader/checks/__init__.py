"""The checks: one module per exercise, named after its id, and the one import their authors need.

Each check module defines `suite = Suite(...)` and registers cases with
`@suite.case(...)`; see grader/suite.py for the vocabulary and
grader/checks/conv_output_size.py for a small, complete example. A check
module imports what it uses from here:

    from grader.checks import T, Suite, TensorRecord, lazy
"""

from grader.checks.diagnosis import close, first_of, number, summed
from grader.checks.helpers import (
    TORCH_AND_DYNAMO,
    canonical_parameters,
    facts,
    load_reference_weights,
    meta_or_skipped,
    on_meta,
    only_matching_mistake,
    output_after_one_sgd_step,
    parameter_summary,
    parameter_values,
    sweep_diagnosis,
    verified_sweep_diagnosis,
)
from grader.checks.lazy import lazy
from grader.judge.compare import describe, first_difference
from grader.suite import Accepted, Case, Instead, Restriction, Suite
from grader.text.i18n import LINES, SENTENCES, T, text
from grader.wire import ErrorRecord, TensorRecord

#: the modules of this package that are not an exercise's checks (no exercise may take these ids)
AUTHORING_MODULES = frozenset({"__init__", "diagnosis", "helpers", "lazy"})

__all__ = [
    "AUTHORING_MODULES", "LINES", "SENTENCES", "TORCH_AND_DYNAMO", "Accepted", "Case", "ErrorRecord", "Instead",
    "Restriction", "Suite", "T", "TensorRecord", "canonical_parameters", "close", "describe", "facts", "first_difference", "first_of",
    "lazy", "load_reference_weights", "meta_or_skipped", "number", "on_meta", "only_matching_mistake",
    "output_after_one_sgd_step", "parameter_summary", "parameter_values", "summed", "sweep_diagnosis", "text",
    "verified_sweep_diagnosis",
]
