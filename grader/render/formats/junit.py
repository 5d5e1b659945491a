"""JUnit XML: one testsuite per exercise, one testcase per case, failures with their explanation.

CI systems (GitLab's test reports, Jenkins, GitHub test-report actions)
read this format; points travel as testsuite properties because JUnit has
no notion of them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from grader.results import ERROR, INFRA, VISIBLE, ExerciseResult, SubmissionReport, points_text


def render(report: SubmissionReport) -> str:
    """The report as a JUnit XML document."""
    root = ET.Element("testsuites", name=f"learn grade {report.name}".strip())
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for graded in report.graded:
        suite = _testsuite(graded.exercise.id, graded.result, report.lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", str(totals["errors"]))
    root.set("time", f"{report.seconds:.3f}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testsuite(exercise_id: str, result: ExerciseResult, lang: str) -> ET.Element:
    # A file that could not be graded at all is an error in JUnit's sense, a wrong answer a failure.
    broken = result.status in (ERROR, INFRA)
    failed = sum(not case.passed for case in result.cases)
    suite = ET.Element(
        "testsuite",
        name=exercise_id,
        tests=str(len(result.cases)),
        failures="0" if broken else str(failed),
        errors=str(failed) if broken else "0",
        skipped="0",
        time=f"{result.seconds:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (("score", points_text(result.score)), ("max_score", points_text(result.max_score)),
                        ("status", result.status), ("file", result.file)):
        ET.SubElement(properties, "property", name=name, value=_clean(str(value)))
    for case in result.cases:
        testcase = ET.SubElement(suite, "testcase", classname=exercise_id, name=_clean(case.name.get(lang)),
                                 time=f"{case.seconds:.3f}")
        if case.visibility != VISIBLE:  # who may see it: hidden, after_due_date or after_published
            marks = ET.SubElement(testcase, "properties")
            ET.SubElement(marks, "property", name="visibility", value=case.visibility)
        if not case.passed:
            message, hint = case.message.get(lang), case.hint.get(lang)
            text = "\n".join(part for part in (message, hint and f"hint: {hint}") if part)
            first_line = (message.splitlines() or ["failed"])[0]
            problem = ET.SubElement(testcase, "error" if broken else "failure", message=_clean(first_line),
                                    type=result.status)
            problem.text = _clean(text)
    if result.stdout:
        ET.SubElement(suite, "system-out").text = _clean(result.stdout)
    if result.stderr:
        ET.SubElement(suite, "system-err").text = _clean(result.stderr)
    return suite


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (learner output may contain any byte)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch < "\ud800") or ("\ue000" <= ch < "\ufffe")
                   or ch > "\uffff")
