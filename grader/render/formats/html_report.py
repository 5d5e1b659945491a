"""The class report: one self-contained HTML page a teacher reads on a laptop.

At the top the assignment, the date and the class's numbers, a distribution
of scores and each exercise's pass rate; then a sortable table with a row
per student: total, percent, one column per topic (its exercises a click
away, in a <details>), a link to the student's result document and the
note. Colours tell missing, error, wrong, partial and passed answers apart.

The page loads nothing: styles and the sorting script are inline, and its
Content-Security-Policy forbids every request. Every text from a
submission (names, notes, messages) is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from statistics import median

from grader.course.catalog import Exercise, Topic
from grader.results import FULL, MISSING, STATES, ClassReport, PassRate, SubmissionReport, answer_state, points_text
from grader.text.i18n import T, msg

#: how many bars the score distribution has (0-10 %, ..., 90-100 %)
BINS = 10

LABELS = {
    "assignment": T("Assignment", "作业"),
    "graded": T("Graded", "评分时间"),
    "students": T("students", "名学生"),
    "exercises": T("exercises", "道练习"),
    "mean": T("mean", "平均"),
    "median": T("median", "中位数"),
    "distribution": T("Score distribution", "得分分布"),
    "distribution_axis": T("students per 10 % of the points", "每 10% 分数段的学生人数"),
    "topic": T("topic", "主题"),
    "percent": T("%", "百分比"),
    "document": T("result", "结果文件"),
    "open": T("open", "打开"),
    "sort_hint": T("Click a column title to sort; click a topic cell for its exercises.",
                   "点击列标题排序；点击主题单元格查看其中的练习。"),
    "legend": T("Colours", "颜色"),
    "missing": T("missing", "缺少文件"),
    "error": T("error", "无法评分"),
    "wrong": T("wrong", "错误"),
    "partial": T("partial", "部分正确"),
    "passed": T("passed", "通过"),
    "nothing_found": T("No answer was found in this submission.", "这份提交中没有找到任何答案。"),
    "states": T("missing / error", "缺少 / 无法评分"),
}

STYLE = """
:root { --missing: #adb5bd; --error: #862e9c; --wrong: #c92a2a; --partial: #e67700; --passed: #2b8a3e; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1rem 1.5rem;
       max-width: 1400px; color: #212529; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta { color: #495057; margin: 0 0 1rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: 1rem; }
.card { border: 1px solid #dee2e6; border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.card b { display: block; font-size: 1.3rem; }
.overview { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.histogram { display: flex; align-items: flex-end; gap: 4px; height: 140px; padding-top: 1rem; }
.histogram div { width: 2.2rem; text-align: center; font-size: 11px; }
.histogram span.bar { display: block; background: #4263eb; border-radius: 3px 3px 0 0; min-height: 1px; }
.histogram small { display: block; color: #868e96; white-space: nowrap; }
table { border-collapse: separate; border-spacing: 0; }
th, td { padding: 5px 8px; line-height: 20px; border-bottom: 1px solid #e9ecef; text-align: left; vertical-align: top;
         white-space: nowrap; }
th { background: #f8f9fa; position: sticky; top: 0; z-index: 1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.rates td.bar { width: 9rem; }
.meter { display: inline-block; width: 6rem; height: .7rem; background: #e9ecef; border-radius: 3px;
         vertical-align: middle; overflow: hidden; }
.meter i { display: block; height: 100%; background: var(--passed); }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid #dee2e6; border-radius: 6px; }
.rates-box { display: inline-block; }
#students th[data-type] { cursor: pointer; user-select: none; }
#students th[aria-sort="ascending"]::after { content: " ▲"; }
#students th[aria-sort="descending"]::after { content: " ▼"; }
#students .name { position: sticky; left: 0; background: #fff; z-index: 2; font-weight: 600;
                  border-right: 1px solid #dee2e6; }
#students .name span { display: inline-block; max-width: 16rem; overflow: hidden; text-overflow: ellipsis;
                       vertical-align: top; }
#students th.name { background: #f8f9fa; z-index: 3; }
#students td.note { white-space: normal; min-width: 14rem; max-width: 28rem; color: #495057; }
details summary { cursor: pointer; }
details ul { list-style: none; margin: .3rem 0 0; padding: 0; }
details li { white-space: nowrap; font-size: 12px; line-height: 17px; }
/* whole pixels: fractional row heights make Chromium draw the sticky name column a pixel off */
.chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 1px;
        vertical-align: -1px; }
.s-missing { background: var(--missing); } .s-error { background: var(--error); } .s-wrong { background: var(--wrong); }
.s-partial { background: var(--partial); } .s-passed { background: var(--passed); }
.t-missing { color: #868e96; } .t-error { color: var(--error); } .t-wrong { color: var(--wrong); }
.t-partial { color: var(--partial); } .t-passed { color: var(--passed); }
.legend span { margin-right: 1rem; white-space: nowrap; }
.hint { color: #868e96; font-size: 12px; }
"""

#: sorts the student table by the clicked column: numbers by data-sort, text by locale
SCRIPT = """
(function () {
  var table = document.getElementById("students");
  var body = table.tBodies[0];
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
    if (!th.dataset.type) { return; }
    th.setAttribute("tabindex", "0");
    function sort() {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.sort, y = b.cells[column].dataset.sort;
        var order = th.dataset.type === "number" ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
  });
})();
"""


def render(report: ClassReport, lang: str, documents: dict[str, str] | None = None) -> str:
    """The whole page. `documents` maps a student's submission path to the link of their result document."""
    documents = documents or {}
    title = msg("class_report_title", lang) + (f": {report.assignment}" if report.assignment else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may be fetched: the page works offline, and a hostile name cannot phone home.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        _meta(report, lang),
        _cards(report, lang),
        '<div class="overview">',
        _distribution(report, lang),
        _legend(lang),
        "</div>",
        f"<h2>{escape(msg('class_rates_title', lang))}</h2>",
        _rates(report, lang),
        f"<h2>{escape(msg('class_students_title', lang))}</h2>",
        f'<p class="hint">{escape(LABELS["sort_hint"].get(lang))}</p>',
        _students(report, lang, documents),
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _label(key: str, lang: str) -> str:
    return escape(LABELS[key].get(lang))


def _meta(report: ClassReport, lang: str) -> str:
    items = []
    if report.assignment:
        items.append(f"{_label('assignment', lang)}: <b>{escape(report.assignment)}</b>")
    if report.graded_at:
        items.append(f"{_label('graded', lang)}: {escape(report.graded_at.replace('T', ' '))}")
    items.append(escape(msg("class_summary", lang, count=len(report.reports), seconds=f"{report.seconds:.1f}",
                            per_submission=f"{report.seconds_per_submission:.2f}", jobs=report.jobs)))
    return f'<p class="meta">{" · ".join(items)}</p>'


def _percents(report: ClassReport) -> list[float]:
    return [student.percent for student in report.reports]


def _cards(report: ClassReport, lang: str) -> str:
    percents = _percents(report)
    mean = sum(percents) / len(percents) if percents else 0.0
    middle = median(percents) if percents else 0.0
    points = points_text(sum(e.points for e in report.exercises))
    cards = [
        (str(len(report.reports)), _label("students", lang)),
        (f"{len(report.exercises)}", f"{_label('exercises', lang)} ({escape(points)} pts)"),
        (f"{mean:.0f}%", _label("mean", lang)),
        (f"{middle:.0f}%", _label("median", lang)),
    ]
    return '<div class="cards">' + "".join(f'<div class="card"><b>{value}</b>{label}</div>'
                                           for value, label in cards) + "</div>"


def _distribution(report: ClassReport, lang: str) -> str:
    bins = Counter(min(int(p // (100 / BINS)), BINS - 1) for p in _percents(report))
    tallest = max(bins.values(), default=1)
    bars = []
    for number in range(BINS):
        count = bins.get(number, 0)
        height = round(100 * count / tallest)
        low = number * 100 // BINS
        bars.append(f'<div title="{low}–{low + 100 // BINS}%: {count}">{count or ""}'
                    f'<span class="bar" style="height:{height}px"></span><small>{low}%</small></div>')
    return (f'<section><h2>{_label("distribution", lang)}</h2><div class="histogram" role="img" '
            f'aria-label="{_label("distribution_axis", lang)}">{"".join(bars)}</div></section>')


def _legend(lang: str) -> str:
    chips = "".join(f'<span><i class="chip s-{state}"></i> {_label(state, lang)}</span>' for state in STATES)
    return f'<section><h2>{_label("legend", lang)}</h2><p class="legend">{chips}</p></section>'


def _rates(report: ClassReport, lang: str) -> str:
    states: dict[str, Counter[str]] = {e.id: Counter() for e in report.exercises}
    for student in report.reports:
        for exercise in report.exercises:
            result = student.result_for(exercise.id)
            if result is not None:
                states[exercise.id][answer_state(result)] += 1
    head = (f"<tr><th>{escape(msg('grade_col_exercise', lang))}</th><th>{_label('topic', lang)}</th>"
            f"<th class=\"num\">{escape(msg('class_col_passed', lang))}</th>"
            f"<th>{escape(msg('class_col_rate', lang))}</th>"
            f"<th class=\"num\">{escape(msg('class_col_mean', lang))}</th><th>{_label('states', lang)}</th></tr>")
    rows = [_rate_row(rate, states[rate.exercise.id], lang) for rate in report.pass_rates()]
    return f'<div class="scroll rates-box"><table class="rates">{head}{"".join(rows)}</table></div>'


def _rate_row(rate: PassRate, states: Counter[str], lang: str) -> str:
    exercise = rate.exercise
    bar = f'<span class="meter"><i style="width:{rate.rate:.1f}%"></i></span> {rate.rate:.0f}%'
    trouble = " ".join(f'<span class="t-{state}">{states[state]} {_label(state, lang)}</span>'
                       for state in (MISSING, "error") if states[state])
    return (f"<tr><td>{escape(exercise.id)}</td><td>{escape(exercise.topic.title.get(lang))}</td>"
            f'<td class="num">{rate.passed}/{rate.graded}</td><td class="bar">{bar}</td>'
            f'<td class="num">{rate.mean_percent:.0f}%</td><td>{trouble}</td></tr>')


def _topics(report: ClassReport) -> list[tuple[Topic, list[Exercise]]]:
    topics: dict[str, tuple[Topic, list[Exercise]]] = {}
    for exercise in report.exercises:
        topics.setdefault(exercise.topic.id, (exercise.topic, []))[1].append(exercise)
    return list(topics.values())


def _students(report: ClassReport, lang: str, documents: dict[str, str]) -> str:
    topics = _topics(report)
    head = [f'<th class="name" data-type="text">{escape(msg("class_col_student", lang))}</th>',
            f'<th class="num" data-type="number">{escape(msg("class_col_total", lang))}</th>',
            f'<th class="num" data-type="number">{_label("percent", lang)}</th>']
    head += [f'<th data-type="number" title="{escape(topic.title.get(lang))}">{escape(topic.id)}</th>'
             for topic, _ in topics]
    head += [f"<th>{_label('document', lang)}</th>", f"<th>{escape(msg('class_col_note', lang))}</th>"]
    rows = [_student_row(student, topics, lang, documents.get(student.path)) for student in report.reports]
    return (f'<div class="scroll"><table id="students"><thead><tr>{"".join(head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _student_row(student: SubmissionReport, topics: list[tuple[Topic, list[Exercise]]], lang: str,
                 document: str | None) -> str:
    cells = [f'<td class="name" data-sort="{escape(student.name.lower())}" title="{escape(student.name)}">'
             f"<span>{escape(student.name)}</span></td>",
             f'<td class="num" data-sort="{student.score}">{points_text(student.score)}/'
             f"{points_text(student.max_score)}</td>",
             f'<td class="num" data-sort="{student.percent:.4f}">{student.percent:.0f}%</td>']
    cells += [_topic_cell(student, exercises, lang) for _, exercises in topics]
    link = f'<a href="{escape(document)}">{_label("open", lang)}</a>' if document else ""
    cells.append(f"<td>{link}</td>")
    note = student.note.get(lang)
    graded = [g.result for g in student.graded]
    if not note and graded and all(answer_state(r) == MISSING for r in graded):
        note = LABELS["nothing_found"].get(lang)
    cells.append(f'<td class="note">{escape(note)}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def _topic_cell(student: SubmissionReport, exercises: list[Exercise], lang: str) -> str:
    found = [(e, student.result_for(e.id)) for e in exercises]
    results = [(e, r) for e, r in found if r is not None]
    score = sum(r.score_cents for _, r in results)
    possible = sum(r.max_cents for _, r in results)
    chips = "".join(f'<i class="chip s-{answer_state(r)}" title="{escape(e.id)}"></i>' for e, r in results)
    items = []
    for exercise, result in results:
        state = answer_state(result)
        problem = result.message.get(lang)
        why = "" if state == FULL else problem.splitlines()[0] if problem else ""
        items.append(f'<li><i class="chip s-{state}"></i> {escape(exercise.id)} '
                     f'<span class="t-{state}">{points_text(result.score)}/{points_text(result.max_score)} '
                     f"{_label(state, lang)}</span>{' – ' + escape(why[:120]) if why else ''}</li>")
    sort_key = score / possible if possible else 0
    return (f'<td data-sort="{sort_key:.4f}"><details><summary>{chips} {points_text(score / 100)}/'
            f"{points_text(possible / 100)}</summary><ul>{''.join(items)}</ul></details></td>")
