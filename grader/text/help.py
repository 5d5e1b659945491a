"""`learn --help` in the learner's language.

Typer builds help from docstrings and `help=` strings, which are English.
Under `--lang zh` (or LEARN_LANG=zh) the command tree is given the Chinese
text below before it runs, together with Chinese panel titles and usage
words. `tests/test_help.py` renders every command's help in Chinese and
fails on any English sentence left, so a new option needs its line here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

#: every help text of the CLI (command docstrings, option and argument help), English -> 中文
HELP_ZH: dict[str, str] = {
    # the app and its panels
    "Practice PyTorch: exercises graded against a reference, with explanations. 练习 PyTorch。":
        "练习 PyTorch：每道练习都与参考答案比对评分，并解释每一处不同。",
    "Show this message and exit.": "显示这条帮助并退出。",
    "Language of the output: en or zh (default: $LEARN_LANG or en).":
        "输出语言：en 或 zh（默认取 $LEARN_LANG，否则为 en）。",
    "Print a machine-readable JSON result.": "输出机器可读的 JSON 结果。",
    "Print the version and exit.": "显示版本号并退出。",
    # practice
    "Show every exercise in order with its status.": "按顺序列出所有练习及其状态。",
    "Grade an exercise (default: the one you are on) and explain every failed check. "
    "Exit 0 passed, 1 failed, 2 usage error.":
        "评测一道练习（默认是你正在做的那道），并解释每一项未通过的检查。退出码：0 通过，1 未通过，2 用法错误。",
    "Grade this file instead of the one in exercises/.": "评测这个文件，而不是 exercises/ 里的那个。",
    "Check in this process only, not through the warm background daemon.":
        "只在当前进程中检查，不经过常驻后台的守护进程。",
    "The exercise id, as shown by `learn list`.": "练习编号，即 `learn list` 显示的编号。",
    "The exercise id, as shown by `learn list` (default: the next exercise).":
        "练习编号，即 `learn list` 显示的编号（默认是下一道练习）。",
    "Show the first exercise you have not passed yet: its statement, its file and how to check it.":
        "显示第一道还没通过的练习：题目、你的文件，以及如何检查。",
    "Show the statement of an exercise.": "显示一道练习的题目。",
    "Reveal the hints of an exercise one level at a time (--all for all of them).":
        "一次多显示一条练习提示（--all 显示全部）。",
    "Show every hint level at once.": "一次显示所有提示。",
    "Restore the starter file, after saving your version under .learn/backups/.":
        "先把你的版本保存到 .learn/backups/，再恢复初始文件。",
    "Bring back the version the last reset saved.": "恢复上一次重置时保存的版本。",
    "Show the reference solution once you have passed the exercise. Your file is never changed.":
        "通过练习后显示参考答案。你的文件不会被改动。",
    "Show it before you have passed (asks first).": "在通过之前就显示（会先确认）。",
    "Show passed / total per topic, your last activity and the next exercise.":
        "按主题显示已通过数 / 总数、上次练习的时间和下一道练习。",
    "Re-check the current exercise every time you save it (also: `learn` alone). "
    "Keys: h hint, s statement, l list, n next, a check all, q quit.":
        "每次保存都重新检查当前练习（只输入 `learn` 也会启动）。"
        "按键：h 提示，s 题目，l 列表，n 下一道，a 全部检查，q 退出。",
    "Start here (default: the first exercise not passed).": "从这道练习开始（默认是第一道未通过的练习）。",
    # set-up
    "Check Python, torch, devices and the workspace; every problem comes with its fix. Exit 1 on a problem.":
        "检查 Python、torch、设备和工作区；每个问题都附有解决办法。发现问题时退出码为 1。",
    "Create a fresh workspace with every exercise (not the solutions) in DIR.":
        "在 DIR 中创建一个新的工作区，包含所有练习（不含参考答案）。",
    "Where to create the workspace (default: ./learn-pytorch).": "在哪里创建工作区（默认：./learn-pytorch）。",
    "The warm background process that answers `learn check`.": "常驻后台、替 `learn check` 完成检查的进程。",
    "Say whether the daemon runs: its pid, age and memory.": "显示守护进程是否在运行：pid、运行时长和内存。",
    "Stop the daemon and its workers now; the next `learn check` starts a new one.":
        "立即停止守护进程及其工作进程；下一次 `learn check` 会启动新的。",
    # teaching
    "Grade every exercise of a submission (or a whole class) with points. Exit 0 when --min-score is reached.":
        "为一份提交（或整个班级）的每道练习评分。达到 --min-score 时退出码为 0。",
    "Grade this folder (laid out like exercises/), a .zip, or one .ipynb; default: exercises/.":
        "评测这个文件夹（结构与 exercises/ 相同）、一个 .zip 或一个 .ipynb；默认：exercises/。",
    "Grade a class: a folder holding one folder, .zip or .ipynb per student.":
        "评测整个班级：一个文件夹，每个学生一个子文件夹、.zip 或 .ipynb。",
    "Only these exercises: ID[,ID...].": "只评测这些练习：ID[,ID...]。",
    "Only the exercises of this topic.": "只评测这个主题的练习。",
    "Take the reference solutions from this folder (e.g. a teacher's private copy).":
        "从这个文件夹读取参考答案（例如教师私有的副本）。",
    "How many exercises (or students) at once.": "同时评测多少道练习（或多少名学生）。",
    "table (for people), json, junit, gradescope or github (GitHub Classroom).":
        "table（给人看的表格）、json、junit、gradescope 或 github（GitHub Classroom）。",
    "Write the document to this file; the table summary is printed instead.":
        "把结果文档写入这个文件；终端上只打印表格摘要。",
    "With --submissions: where grades.csv and one document per student go.":
        "配合 --submissions：grades.csv 和每个学生的文档写到这里。",
    "With --submissions: also write a self-contained HTML report here.":
        "配合 --submissions：另外在这里写一份独立的 HTML 报告。",
    "With --submissions: the assignment's name on the report (default: the folder's name).":
        "配合 --submissions：报告上的作业名称（默认：文件夹名）。",
    "Exit 0 when the score reaches this many points, or this percentage (80%); default: all.":
        "得分达到这么多分，或这个百分比（如 80%）时退出码为 0；默认：满分。",
    "Seconds per probe, instead of each exercise's limit from the catalogue.":
        "每个探测进程的秒数上限，代替练习目录中每道练习自己的时限。",
    "Export exercises: `--notebook` writes one .ipynb per exercise (statement and starter cell).":
        "导出练习：`--notebook` 为每道练习写一个 .ipynb（题目和初始代码单元）。",
    "Write one Jupyter notebook per exercise.": "每道练习写一个 Jupyter 笔记本。",
    "Where the notebooks go.": "笔记本写到哪里。",
    "Gradescope: build the autograder zip.": "Gradescope：生成自动评分用的 zip。",
    "Build autograder.zip: setup.sh, run_autograder, learn, the course and its solutions.":
        "生成 autograder.zip：包含 setup.sh、run_autograder、learn、课程和参考答案。",
    "Where the zip goes.": "zip 写到哪里。",
    "Refuse to grade unless the kernel confines learner code fully (namespaces, no capabilities, seccomp).":
        "除非内核能完全隔离学习者的代码（命名空间、无特权能力、seccomp），否则拒绝评测。",
}

#: Typer's and Click's own words around the help texts
PANEL_TITLES_ZH = {"ARGUMENTS_PANEL_TITLE": "参数", "OPTIONS_PANEL_TITLE": "选项", "COMMANDS_PANEL_TITLE": "命令",
                   "ERRORS_PANEL_TITLE": "错误", "REQUIRED_LONG_STRING": "[必填]", "DEFAULT_STRING": "[默认：{}]",
                   "ENVVAR_STRING": "[环境变量：{}]", "ABORTED_TEXT": "已中止。",
                   "RICH_HELP": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"}

#: Click's and Typer's usage errors (they have no translations of their own), as patterns -> 中文;
#: applied in order, so an outer sentence is translated around an inner one that is translated next
USAGE_ERRORS_ZH: tuple[tuple[str, str], ...] = (
    (r"^Invalid value for (?P<param>.+?): (?P<inner>.*)$", r"\g<param> 的值无效：\g<inner>"),
    (r"^No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)$",
     r"没有选项 \g<name>（可用的选项：\g<options>）"),
    (r"^No such option: (?P<name>\S+)$", r"没有选项 \g<name>"),
    (r"^No such option (?P<name>.+?)\.?$", r"没有选项 \g<name>"),
    (r"^No such command (?P<name>.+?)\.(?: Did you mean (?P<guess>.+)\?)?$", r"没有命令 \g<name>。"),
    (r"^Option (?P<name>'.+?') requires an argument\.$", r"选项 \g<name> 后面需要一个值。"),
    (r"^Option (?P<name>'.+?') requires (?P<n>\d+) arguments\.$", r"选项 \g<name> 后面需要 \g<n> 个值。"),
    (r"^Option (?P<name>'.+?') does not take a value\.$", r"选项 \g<name> 不接受值。"),
    (r"^Got unexpected extra argument\(?s?\)? \((?P<args>.*)\)$", r"多出了参数：\g<args>"),
    (r"^Missing argument (?P<name>.+?)\.$", r"缺少参数 \g<name>。"),
    (r"^Missing option (?P<name>.+?)\.$", r"缺少选项 \g<name>。"),
    (r"^Missing command\.$", r"缺少命令。"),
    # inner messages of "Invalid value for …"
    (r"Input should be a valid integer, unable to parse string as an integer", r"应为整数，无法把它解析为整数"),
    (r"Input should be a valid number, unable to parse string as a number", r"应为数字，无法把它解析为数字"),
    (r"Input should be a valid integer", r"应为整数"),
    (r"Input should be a valid number", r"应为数字"),
    (r"Value (?P<value>'.*?') is not a valid (?P<kind>\w+)\.", r"\g<value> 不是有效的 \g<kind>。"),
    (r"(?P<value>'.*?') is not one of (?P<choices>.+)\.", r"\g<value> 不是以下之一：\g<choices>。"),
    (r"(?P<label>\w+) (?P<path>'.*?') does not exist\.", r"\g<path> 不存在。"),
)


def usage_error_in(lang: str, message: str) -> str:
    """A Click/Typer usage error in `lang` (the patterns above); English stays as it is."""
    if lang != "zh":
        return message
    import re

    for pattern, chinese in USAGE_ERRORS_ZH:
        message = re.sub(pattern, chinese, message)
    return message
USAGE_ZH = "用法："
OPTIONS_METAVAR_ZH = "[选项]"
SUBCOMMAND_METAVAR_ZH = "命令 [参数]..."


def lang_from_argv(argv: list[str]) -> str:
    """The language asked for on the command line (`--lang zh`, `--lang=zh`), else LEARN_LANG, else English.

    Help is printed before any command runs, so the language must be known from the raw arguments.
    """
    wanted = os.environ.get("LEARN_LANG") or "en"
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            wanted = argv[index + 1]
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
    return "zh" if wanted.strip().lower() in ("zh", "zh-cn", "zh_cn", "cn", "chinese") else "en"


def commands_of(command: Any) -> Iterator[Any]:
    """The command and every command below it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from commands_of(sub)


#: what this run's help says around the texts: set by `localize` each run (tests run many in one process)
_words: dict[str, str | None] = {"usage": None, "help_option": None, "lang": "en"}
_english_titles: dict[str, str] = {}


def localize(command: Any, lang: str) -> None:
    """Give the command tree (fresh for each run) its help in `lang`, and show types only where they help."""
    import typer.rich_utils as rich_utils

    _install_hooks()
    if not _english_titles:
        _english_titles.update({name: getattr(rich_utils, name) for name in PANEL_TITLES_ZH})
    chinese = lang == "zh"
    for name, title in PANEL_TITLES_ZH.items():
        setattr(rich_utils, name, title if chinese else _english_titles[name])
    _words["usage"] = USAGE_ZH if chinese else None
    _words["lang"] = lang
    _words["help_option"] = HELP_ZH["Show this message and exit."] if chinese else None
    if not chinese:
        return
    for each in commands_of(command):
        each.help = HELP_ZH.get(_clean(each.help), each.help)
        if getattr(each, "short_help", None):
            each.short_help = HELP_ZH.get(_clean(each.short_help), each.short_help)
        each.options_metavar = OPTIONS_METAVAR_ZH
        if hasattr(each, "subcommand_metavar"):
            each.subcommand_metavar = SUBCOMMAND_METAVAR_ZH
        for param in each.params:
            if getattr(param, "help", None):
                param.help = HELP_ZH.get(_clean(param.help), param.help)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _install_hooks() -> None:
    """Three small hooks into Typer/Click, installed once: the usage word, --help's own text, type labels."""
    from typer import core as typer_core
    from typer._click import core as click_core
    from typer._click import formatting

    if getattr(formatting.HelpFormatter.write_usage, "learn_hook", False):
        return
    write_usage = formatting.HelpFormatter.write_usage
    get_help_option = click_core.Command.get_help_option
    option_type = typer_core.TyperOption.display_type_rich
    argument_type = typer_core.TyperArgument.display_type_rich

    def usage_in_language(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _words["usage"] if prefix is None and _words["usage"] else prefix)

    def help_option_in_language(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and _words["help_option"]:
            option.help = _words["help_option"]
        return option

    def option_type_label(self: Any, ctx: Any) -> str | None:
        # A flag takes no value: "<bool>" beside it only puzzles a learner.
        if self.metavar is None and getattr(self, "is_flag", False):
            return None
        return option_type(self, ctx)

    def argument_type_label(self: Any, ctx: Any) -> str | None:
        # An argument with a name of its own (ID, DIRECTORY) says what it is already.
        return None if self.metavar is not None else argument_type(self, ctx)

    def argument_in_usage(self: Any) -> str:
        # "{ID}" reads like a placeholder to fill in with braces; required is plain, optional in [ ].
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    import typer.rich_utils as rich_utils
    from rich.table import Table
    from rich.text import Text

    class FoldingTable(Table):
        """Help tables that fold a long run of Chinese (it has no spaces to wrap at) instead of cutting it with …"""

        def add_column(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("overflow", "fold")
            super().add_column(*args, **kwargs)

        def add_row(self, *args: Any, **kwargs: Any) -> None:
            super().add_row(*args, **kwargs)
            for column in self.columns:  # the columns add_row made on its own (the options table's)
                column.overflow = "fold"

    rich_utils.Table = FoldingTable  # type: ignore[misc]  # the hook: Typer builds its help tables from this name
    parameter_help = rich_utils._get_parameter_help

    def folding_parameter_help(*args: Any, **kwargs: Any) -> Any:
        # An option's help is a Columns of Texts, laid out by Rich itself: each Text folds on its own.
        columns = parameter_help(*args, **kwargs)
        for item in getattr(columns, "renderables", []):
            if isinstance(item, Text):
                item.overflow = "fold"
        return columns

    rich_utils._get_parameter_help = folding_parameter_help  # the hook: called through the module
    format_error = rich_utils.rich_format_error

    def error_in_language(error: Any) -> None:
        # The panel shows error.format_message(): give this one exception a translating version of it.
        english = error.format_message
        error.format_message = lambda: usage_error_in(_words["lang"] or "en", english())
        format_error(error)

    usage_in_language.learn_hook = True  # type: ignore[attr-defined]
    rich_utils.rich_format_error = error_in_language  # type: ignore[assignment]  # the hook: Typer calls it through the module
    # Typer/Click offer no hook for these, so the methods are replaced on their classes.
    formatting.HelpFormatter.write_usage = usage_in_language  # type: ignore[method-assign]  # the hook, on purpose
    click_core.Command.get_help_option = help_option_in_language  # type: ignore[method-assign]  # the hook
    typer_core.TyperOption.display_type_rich = option_type_label  # type: ignore[method-assign]  # the hook
    typer_core.TyperArgument.display_type_rich = argument_type_label  # type: ignore[method-assign]  # the hook
    typer_core.TyperArgument._usage_display_name = argument_in_usage  # type: ignore[method-assign]  # the hook
