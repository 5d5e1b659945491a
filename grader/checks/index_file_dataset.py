"""Checks for exercises/03_data/index_file_dataset.py.

Every case writes its own small greyscale PNGs and a CSV index into a fresh
temporary folder (inside the probe's own temporary home), then runs the
learner's Dataset from another working directory, so that paths resolved
against the working directory fail.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from grader.checks import Suite, T, lazy

torch = lazy("torch")

suite = Suite("index_file_dataset", names=("IndexedImages",))

RELATIVE_TO_INDEX = T(
    "Resolve each path against the folder of the index file: Path(index_file).parent / row[\"path\"]. The working "
    "directory is wherever the program happens to run.",
    "每个路径都要相对于索引文件所在的文件夹来解析：Path(index_file).parent / row[\"path\"]。工作目录取决于程序碰巧在"
    "哪里运行。",
)
IMAGE_TENSOR = T(
    "Open with Image.open(path).convert(\"L\"), turn it into a float32 array divided by 255, and add the channel "
    "dimension: (1, H, W).",
    "用 Image.open(path).convert(\"L\") 打开，转换成 float32 数组并除以 255，再加上通道维度：(1, H, W)。",
)
CHECK_EARLY = T(
    "Check every listed file in __init__ (path.is_file()) and raise FileNotFoundError there: a missing image "
    "found in the middle of an epoch wastes the training done so far.",
    "在 __init__ 中检查每个列出的文件（path.is_file()），并在那里抛出 FileNotFoundError：训练进行到一半才发现缺图，"
    "之前的训练就白费了。",
)
OUT_OF_RANGE = T(
    "Raise IndexError for an index outside 0 .. len - 1 (a negative one too): DataLoader and ConcatDataset rely "
    "on it.",
    "index 超出 0 .. len - 1 时（包括负数）抛出 IndexError：DataLoader 和 ConcatDataset 都依赖这一点。",
)


def write_images(root: Path, rows: list[tuple[str, int]], size: tuple[int, int] = (4, 5), seed: int = 0) -> None:
    """Write one greyscale PNG per (path, label) row, `size` = (height, width), its pixels drawn from `seed`."""
    from PIL import Image

    generator = np.random.RandomState(seed)
    for path, _ in rows:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(generator.randint(0, 256, size=size, dtype=np.uint8)).save(target)  # 2-D uint8: greyscale


def write_index(folder: Path, rows: list[tuple[str, int]], *, extra: str = "", name: str = "index.csv") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    text = "path,label\n" + "".join(f"{path},{label}\n" for path, label in rows) + extra
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


@contextmanager
def elsewhere():
    """Run with the working directory in an unrelated empty folder."""
    before = os.getcwd()
    os.chdir(tempfile.mkdtemp(prefix="elsewhere-"))
    try:
        yield
    finally:
        os.chdir(before)


DIGITS = [("zeros/a.png", 0), ("zeros/b.png", 0), ("ones/c.png", 1), ("twos/d.png", 2), ("ones/e.png", 1)]


def digits(seed: int = 1, rows=DIGITS, **index_options) -> str:
    root = Path(tempfile.mkdtemp(prefix="indexed-")) / "digits"
    write_images(root, rows, seed=seed)
    return write_index(root, rows, **index_options)


def sample(item):
    image, label = item
    return {"image": image, "label": label}


@suite.case("an index of 5 images: len 5", "包含 5 张图片的索引：长度为 5", hint=RELATIVE_TO_INDEX)
def length(m):
    index = digits()
    with elsewhere():
        return len(m.IndexedImages(index))


@suite.case("the first sample: a (1, 4, 5) float32 image in [0, 1] and its int label",
            "第一个样本：形状为 (1, 4, 5)、取值在 [0, 1] 的 float32 图像及其 int 标签", hint=IMAGE_TENSOR)
def first(m):
    index = digits(seed=2)
    with elsewhere():
        return sample(m.IndexedImages(index)[0])


@suite.case("the last sample (index len - 1)", "最后一个样本（index 为 len - 1）")
def last(m):
    index = digits(seed=3)
    with elsewhere():
        data = m.IndexedImages(index)
        return sample(data[len(data) - 1])


@suite.case("index len raises IndexError", "index 为 len 时抛出 IndexError", hint=OUT_OF_RANGE)
def past_end(m):
    index = digits()
    with elsewhere():
        data = m.IndexedImages(index)
        return data[len(data)]


@suite.case("a negative index (-1) raises IndexError", "负数 index（-1）抛出 IndexError", hint=OUT_OF_RANGE)
def negative(m):
    index = digits()
    with elsewhere():
        return m.IndexedImages(index)[-1]


@suite.case("empty lines in the index are skipped", "索引中的空行会被跳过",
            hint=T("csv.DictReader skips completely empty lines; a row whose path is empty is skipped too.",
                   "csv.DictReader 会跳过完全空白的行；path 为空的行也要跳过。"))
def blank_lines(m):
    rows = DIGITS[:3]
    root = Path(tempfile.mkdtemp(prefix="indexed-"))
    write_images(root, rows, seed=4)
    (root / "index.csv").write_text("path,label\n\nzeros/a.png,0\n\nzeros/b.png,0\n,\nones/c.png,1\n\n", encoding="utf-8")
    with elsewhere():
        data = m.IndexedImages(str(root / "index.csv"))
        return {"len": len(data), "labels": [data[i][1] for i in range(len(data))]}


@suite.case("an index with only its header: len 0", "只有表头的索引：长度为 0")
def header_only(m):
    index = write_index(Path(tempfile.mkdtemp(prefix="indexed-")), [])
    with elsewhere():
        return len(m.IndexedImages(index))


@suite.case("a listed image that does not exist raises FileNotFoundError in __init__",
            "列出的图片不存在时，在 __init__ 中抛出 FileNotFoundError", hint=CHECK_EARLY)
def missing_file(m):
    root = Path(tempfile.mkdtemp(prefix="indexed-"))
    write_images(root, DIGITS[:2], seed=5)
    index = write_index(root, [*DIGITS[:2], ("zeros/missing.png", 0)])
    with elsewhere():
        return m.IndexedImages(index)


@suite.case("paths are relative to the index file's folder, even in a nested folder",
            "路径相对于索引文件所在的文件夹，即使它在嵌套的文件夹里", hint=RELATIVE_TO_INDEX)
def nested_index(m):
    base = Path(tempfile.mkdtemp(prefix="indexed-")) / "data" / "split" / "train"
    rows = [("x.png", 3), ("deep/y.png", 4)]
    write_images(base, rows, seed=6)
    index = write_index(base, rows, name="list.csv")
    with elsewhere():
        data = m.IndexedImages(index)
        return [sample(data[i]) for i in range(len(data))]


@suite.case("a + b is a ConcatDataset: len 8, items run through a then b",
            "a + b 是一个 ConcatDataset：长度为 8，先遍历 a 再遍历 b",
            hint=T("Do not define __add__ yourself: Dataset's own returns ConcatDataset([self, other]).",
                   "不要自己定义 __add__：Dataset 自带的 __add__ 返回 ConcatDataset([self, other])。"))
def added(m):
    first_index = digits(seed=7)
    second_index = digits(seed=8, rows=DIGITS[:3])
    with elsewhere():
        combined = m.IndexedImages(first_index) + m.IndexedImages(second_index)
        return {"type": type(combined).__name__, "len": len(combined),
                "labels": [combined[i][1] for i in range(len(combined))],
                "item 5 (the first of b)": combined[5][0]}


@suite.case("a DataLoader batches them: (4, 1, 4, 5) images and int64 labels",
            "DataLoader 把它们组成批次：(4, 1, 4, 5) 的图像和 int64 标签", hint=IMAGE_TENSOR)
def loader(m):
    index = digits(seed=9)
    with elsewhere():
        images, labels = next(iter(torch.utils.data.DataLoader(m.IndexedImages(index), batch_size=4)))
    return {"images": images, "labels": labels}
