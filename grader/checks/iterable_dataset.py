"""Checks for exercises/03_data/iterable_dataset.py.

The cases with num_workers=2 really start two DataLoader worker processes
(the probe allows a few). The order in which workers deliver their batches is
up to the operating system, so those cases send everything the loader
yielded, and the judge compares it with the reference's as a multiset.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter

from grader.checks import Suite, T, lazy

torch = lazy("torch")
data = lazy("torch.utils.data")

suite = Suite("iterable_dataset", names=("worker_share", "RangeStream", "CsvStream"))

#: worker processes per loader: enough to show the sharing, few enough for a sandboxed probe
WORKERS = 2

NOT_PAST_END = T(
    "Clip both ends: low = min(start + worker_id * per_worker, end) and high = min(low + per_worker, end). "
    "A worker with nothing left gets (end, end), an empty share.",
    "两端都要截断：low = min(start + worker_id * per_worker, end)，high = min(low + per_worker, end)。"
    "没有剩余数据的工作进程得到 (end, end)，也就是空的一份。",
)
SHARDING = T(
    "Every DataLoader worker calls __iter__ on its own copy of the dataset. Ask get_worker_info() inside "
    "__iter__ (not in __init__, which runs once in the main process) and read only that worker's share.",
    "DataLoader 的每个工作进程都会在自己的数据集副本上调用 __iter__。请在 __iter__ 里调用 get_worker_info()"
    "（不要在 __init__ 里调用，它只在主进程中运行一次），并且只读取这个工作进程的那一份。",
)
ROWS = T(
    "Skip the header line, split each line on commas, and yield (torch.tensor(xs, dtype=torch.float32), "
    "torch.tensor(label)) with an int64 label.",
    "跳过表头，用逗号切分每一行，然后产生 (torch.tensor(xs, dtype=torch.float32), torch.tensor(label))，"
    "label 为 int64。",
)


def same_samples(got, expected) -> T | None:
    """Judge rule: the loader must yield the reference's samples, each as often, in any order."""
    mine = Counter(repr(item) for item in got)
    theirs = Counter(repr(item) for item in expected)
    if mine == theirs:
        return None
    repeated = sorted(k for k in mine if mine[k] > theirs.get(k, 0) and k in theirs)
    missing = sorted(k for k in theirs if mine.get(k, 0) < theirs[k])
    unknown = sorted(k for k in mine if k not in theirs)
    parts_en, parts_zh = [], []
    if repeated:
        parts_en.append(f"{len(repeated)} samples arrived more than once (for example {repeated[0]}): the workers "
                        "did not split the stream, so each one read all of it.")
        parts_zh.append(f"有 {len(repeated)} 个样本出现了不止一次（例如 {repeated[0]}）：工作进程没有划分数据流，"
                        "每个工作进程都把它完整读了一遍。")
    if missing:
        parts_en.append(f"{len(missing)} samples never arrived (for example {missing[0]}): together the workers' "
                        "shares must cover the whole stream.")
        parts_zh.append(f"有 {len(missing)} 个样本从未出现（例如 {missing[0]}）：各工作进程分到的部分合起来必须覆盖整个数据流。")
    if unknown:
        parts_en.append(f"{len(unknown)} samples are not in the data at all (for example {unknown[0]}).")
        parts_zh.append(f"有 {len(unknown)} 个样本根本不在数据中（例如 {unknown[0]}）。")
    return T(" ".join(parts_en), "".join(parts_zh))


def write_csv(rows: list[tuple[float, float, int]]) -> str:
    folder = tempfile.mkdtemp(prefix="csv-stream-")
    path = os.path.join(folder, "data.csv")
    with open(path, "w", encoding="utf-8") as file:
        file.write("hours,score,passed\n")
        for hours, score, label in rows:
            file.write(f"{hours},{score},{label}\n")
    return path


def study_rows(n: int) -> list[tuple[float, float, int]]:
    """Rows in the spirit of the notes' study-hours table; each row differs, so repeats can be seen."""
    return [(round(0.5 * i + 1, 1), float(40 + 3 * i), [1, 0, 0][i % 3]) for i in range(n)]


def loaded_numbers(dataset, **loader_args) -> list[int]:
    return [int(v) for batch in data.DataLoader(dataset, **loader_args) for v in batch.reshape(-1)]


def loaded_rows(dataset, **loader_args) -> list[list[float]]:
    rows = []
    for features, labels in data.DataLoader(dataset, **loader_args):
        rows += [[*f, int(label)] for f, label in zip(features.tolist(), labels.reshape(-1).tolist())]
    return rows


# ---- worker_share -----------------------------------------------------------


@suite.case("worker_share(0, 10, w, 2): two halves (0, 5) and (5, 10)", "worker_share(0, 10, w, 2)：两半 (0, 5) 和 (5, 10)",
            hint=T("per_worker = math.ceil((end - start) / num_workers); worker w starts at start + w * per_worker.",
                   "per_worker = math.ceil((end - start) / num_workers)；第 w 个工作进程从 start + w * per_worker 开始。"))
def share_halves(m):
    return [list(m.worker_share(0, 10, w, 2)) for w in range(2)]


@suite.case("an uneven split: worker_share(0, 10, w, 3) ends with the shorter (8, 10)",
            "不能整除时：worker_share(0, 10, w, 3) 最后一份较短，为 (8, 10)",
            hint=T("Round the block size up (math.ceil), not down: with 10 // 3 = 3 number 9 has no worker.",
                   "块大小要向上取整（math.ceil），而不是向下：用 10 // 3 = 3 时，数字 9 没有工作进程负责。"))
def share_uneven(m):
    return [list(m.worker_share(0, 10, w, 3)) for w in range(3)]


@suite.case("more workers than numbers: worker_share(3, 5, w, 4) leaves workers 2 and 3 with (5, 5)",
            "工作进程比数还多：worker_share(3, 5, w, 4) 中第 2、3 个工作进程得到 (5, 5)", hint=NOT_PAST_END)
def share_more_workers(m):
    return [list(m.worker_share(3, 5, w, 4)) for w in range(4)]


@suite.case("an empty range: worker_share(7, 7, w, 2) is (7, 7) for both", "空区间：worker_share(7, 7, w, 2) 两份都是 (7, 7)",
            hint=NOT_PAST_END)
def share_empty(m):
    return [list(m.worker_share(7, 7, w, 2)) for w in range(2)]


@suite.case("one worker takes everything: worker_share(4, 9, 0, 1) = (4, 9)", "只有一个工作进程时它拿走全部：worker_share(4, 9, 0, 1) = (4, 9)")
def share_single(m):
    return list(m.worker_share(4, 9, 0, 1))


# ---- RangeStream ------------------------------------------------------------


@suite.case("RangeStream(3, 9) is an IterableDataset yielding tensor(3) .. tensor(8) in order",
            "RangeStream(3, 9) 是 IterableDataset，按顺序产生 tensor(3) .. tensor(8)",
            hint=T("Subclass torch.utils.data.IterableDataset; __iter__ yields torch.tensor(i) for i in range(low, high).",
                   "继承 torch.utils.data.IterableDataset；__iter__ 对 range(low, high) 中的每个 i 产生 torch.tensor(i)。"))
def range_direct(m):
    stream = m.RangeStream(3, 9)
    return {"is an IterableDataset": isinstance(stream, data.IterableDataset), "items": list(stream)}


@suite.case("DataLoader(RangeStream(0, 10), batch_size=4) in the main process", "主进程中的 DataLoader(RangeStream(0, 10), batch_size=4)",
            hint=T("get_worker_info() returns None without workers: then read the whole range.",
                   "没有工作进程时 get_worker_info() 返回 None：这时读取整个区间。"))
def range_main_process(m):
    return list(data.DataLoader(m.RangeStream(0, 10), batch_size=4))


@suite.case("with num_workers=2 every number of RangeStream(0, 23) arrives exactly once",
            "num_workers=2 时 RangeStream(0, 23) 的每个数恰好出现一次", rule=same_samples, hint=SHARDING)
def range_two_workers(m):
    return loaded_numbers(m.RangeStream(0, 23), batch_size=3, num_workers=WORKERS)


@suite.case("with num_workers=2 and a single number, one worker has nothing to do",
            "num_workers=2 而只有一个数时，有一个工作进程无事可做", rule=same_samples, hint=NOT_PAST_END)
def range_one_number(m):
    return loaded_numbers(m.RangeStream(5, 6), batch_size=2, num_workers=WORKERS)


# ---- CsvStream --------------------------------------------------------------


@suite.case("CsvStream yields every data row in order, header skipped", "CsvStream 按顺序产生每个数据行，跳过表头", hint=ROWS)
def csv_direct(m):
    path = write_csv(study_rows(5))
    return [{"features": x, "label": y} for x, y in m.CsvStream(path)]


@suite.case("DataLoader(CsvStream(path), batch_size=4) in the main process", "主进程中的 DataLoader(CsvStream(path), batch_size=4)",
            hint=ROWS)
def csv_main_process(m):
    path = write_csv(study_rows(10))
    return [{"features": x, "label": y} for x, y in data.DataLoader(m.CsvStream(path), batch_size=4)]


@suite.case("with num_workers=2 every row arrives exactly once", "num_workers=2 时每一行恰好出现一次",
            rule=same_samples, hint=SHARDING)
def csv_two_workers(m):
    return loaded_rows(m.CsvStream(write_csv(study_rows(17))), batch_size=4, num_workers=WORKERS)


@suite.case("a file with only the header yields nothing, with or without workers",
            "只有表头的文件不产生任何样本，有没有工作进程都一样", hint=ROWS)
def csv_header_only(m):
    path = write_csv([])
    return {"main process": loaded_rows(m.CsvStream(path), batch_size=4),
            "two workers": loaded_rows(m.CsvStream(path), batch_size=4, num_workers=WORKERS)}
