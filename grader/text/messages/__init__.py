"""Every sentence the engine says, in English and 中文: one table per layer that says it, merged here.

Keys are referenced from code with `grader.text.i18n.text(key, ...)` or `msg(...)`.
`tests/test_i18n.py` checks that both languages exist for every key and use the same
placeholders; `tests/test_messages.py` that every key is used and every key used exists.
A key defined in two tables stops the import: one of them would silently win.

`LABELS_ZH` (labels.py) is no sentence table: it gives the Chinese for the names case functions give
the values they return, which the judge uses to say where a value differs.
"""

from grader.text.bilingual import T
from grader.text.messages.cli import CLI_MESSAGES
from grader.text.messages.course import COURSE_MESSAGES
from grader.text.messages.doctor import DOCTOR_MESSAGES
from grader.text.messages.explain import EXPLAIN_MESSAGES
from grader.text.messages.grading import GRADING_MESSAGES
from grader.text.messages.judge import JUDGE_MESSAGES
from grader.text.messages.labels import LABELS_ZH
from grader.text.messages.practice import PRACTICE_MESSAGES
from grader.text.messages.terminal import TERMINAL_MESSAGES
from grader.text.messages.watch import WATCH_MESSAGES

#: each table under the name of its module in grader/text/messages/
GROUPS: dict[str, dict[str, T]] = {
    "judge": JUDGE_MESSAGES,
    "explain": EXPLAIN_MESSAGES,
    "terminal": TERMINAL_MESSAGES,
    "practice": PRACTICE_MESSAGES,
    "doctor": DOCTOR_MESSAGES,
    "grading": GRADING_MESSAGES,
    "course": COURSE_MESSAGES,
    "watch": WATCH_MESSAGES,
    "cli": CLI_MESSAGES,
}


def merge(groups: dict[str, dict[str, T]]) -> dict[str, T]:
    """All the tables in one; a key that two of them define is an error, named with both tables."""
    merged: dict[str, T] = {}
    defined_in: dict[str, str] = {}
    for group, table in groups.items():
        for key, message in table.items():
            if key in merged:
                raise ValueError(f"the message key {key!r} is defined twice: "
                                 f"in grader/text/messages/{defined_in[key]}.py and in grader/text/messages/{group}.py")
            merged[key] = message
            defined_in[key] = group
    return merged


MESSAGES: dict[str, T] = merge(GROUPS)

__all__ = ["GROUPS", "LABELS_ZH", "MESSAGES", "merge"]
