"""Checks for exercises/03_data/image_folder.py.

Every case writes its own tiny PNG tree into a fresh temporary folder (the
probe's $TMPDIR is private to it), so nothing is downloaded or shared.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import replace

import numpy as np

from grader.checks import ErrorRecord, Suite, T, TensorRecord, lazy

torch = lazy("torch")
data = lazy("torch.utils.data")
Image = lazy("PIL.Image")
datasets = lazy("torchvision.datasets")

suite = Suite("image_folder", names=("image_transform", "make_dataset", "class_counts"),
              needs=("torch", "torchvision"))

HEIGHT, WIDTH = 5, 6
#: class folder -> number of images; "bird/1.png" is saved in grey-scale
TREE = {"cat": 3, "dog": 2, "bird": 2}
GREY = ("bird/1.png",)
HALF = ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
IMAGENET = ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
MNIST = ((0.1307,), (0.3081,))

TO_TENSOR_FIRST = T(
    "image_transform must return Compose([ToTensor(), Normalize(mean, std)]): ToTensor first, because Normalize "
    "works on tensors, not PIL images.",
    "image_transform 必须返回 Compose([ToTensor(), Normalize(mean, std)])：ToTensor 放在前面，因为 Normalize "
    "只能作用在张量上，不能作用在 PIL 图片上。",
)


def build_tree(tree: dict[str, int] = TREE, grey: tuple[str, ...] = GREY) -> str:
    """Write the image folders; pixel (0, 0) is black and (0, 1) white in every image."""
    root = tempfile.mkdtemp(prefix="image-folder-")
    rng = np.random.RandomState(1234)
    for name, count in tree.items():
        os.makedirs(os.path.join(root, name))
        for i in range(count):
            pixels = rng.randint(0, 256, size=(HEIGHT, WIDTH, 3)).astype(np.uint8)
            pixels[0, 0], pixels[0, 1] = 0, 255
            image = Image.fromarray(pixels, "RGB")
            if f"{name}/{i}.png" in grey:
                image = image.convert("L")
            image.save(os.path.join(root, name, f"{i}.png"))
    return root


# ---- naming the mistake from the values -------------------------------------


def _image_values(value):
    if isinstance(value, dict):
        value = value.get("image")
    return value.values if isinstance(value, TensorRecord) and value.values is not None else None


def normalization_mistake(mean, std):
    """A diagnose that recovers the raw [0, 1] pixels from the expected image and tries the usual mistakes."""

    def diagnose(got, expected):
        mine, theirs = _image_values(got), _image_values(expected)
        if mine is None or theirs is None or mine.shape != theirs.shape or theirs.ndim != 3:
            return None
        m = np.asarray(mean, dtype=np.float64).reshape(-1, 1, 1)
        s = np.asarray(std, dtype=np.float64).reshape(-1, 1, 1)
        raw = theirs * s + m
        if np.allclose(mine, raw, atol=1e-4):
            return T("Normalize is missing: your values stay in [0, 1], as ToTensor leaves them.",
                     "缺少 Normalize：你的值还停留在 ToTensor 给出的 [0, 1] 范围内。")
        if np.allclose(mine, raw * 255, atol=1e-2):
            return T("The values are still 0..255: use ToTensor(), which scales pixels to [0, 1].",
                     "取值仍是 0..255：请使用 ToTensor()，它会把像素缩放到 [0, 1]。")
        if not np.allclose(m, 0.5) and np.allclose(mine, (raw - 0.5) / 0.5, atol=1e-4):
            return T("Your transform ignores the mean and std it was given: it normalized with 0.5, the default.",
                     "你的 transform 忽略了传入的 mean 和 std：它用的是默认的 0.5。")
        if np.allclose(mine, (raw - s) / m, atol=1e-4):
            return T("mean and std are swapped: it is Normalize(mean, std).", "mean 和 std 的位置反了：应为 Normalize(mean, std)。")
        return None

    return diagnose


# ---- the dataset --------------------------------------------------------------


@suite.case("classes are the sorted folder names", "类别是按顺序排列的文件夹名",
            hint=T("return datasets.ImageFolder(root, transform=...): it finds the classes itself.",
                   "return datasets.ImageFolder(root, transform=...)：它会自己找出类别。"))
def classes(m):
    dataset = m.make_dataset(build_tree())
    return {"is an ImageFolder": isinstance(dataset, datasets.ImageFolder),
            "classes": list(dataset.classes), "class_to_idx": dict(dataset.class_to_idx)}


@suite.case("len() counts every image, and targets gives each one's class", "len() 统计所有图片，targets 给出每张图片的类别")
def length_and_targets(m):
    dataset = m.make_dataset(build_tree())
    return {"len": len(dataset), "targets": list(dataset.targets)}


@suite.case("dataset[0] is (float32 tensor of shape (3, 5, 6), class index 0)",
            "dataset[0] 是（形状为 (3, 5, 6) 的 float32 张量，类别编号 0）", hint=TO_TENSOR_FIRST)
def first_item(m):
    image, label = m.make_dataset(build_tree())[0]
    # the image itself: a tensor, or a tensor subclass of torchvision's (transforms.v2 gives tv_tensors.Image)
    return {"image": image, "label": label}


@suite.case("mean 0.5, std 0.5 maps black to -1 and white to +1", "mean 0.5、std 0.5 把黑色映射到 -1，白色映射到 +1",
            hint=TO_TENSOR_FIRST, diagnose=normalization_mistake(*HALF))
def value_range(m):
    image, _ = m.make_dataset(build_tree())[3]
    return {"min": image.min().item(), "max": image.max().item(), "image": image}


@suite.case("make_dataset uses the mean and std it is given (ImageNet values)",
            "make_dataset 使用传入的 mean 和 std（ImageNet 的数值）",
            hint=T("Pass mean and std on: transform=image_transform(mean, std).",
                   "把 mean 和 std 传下去：transform=image_transform(mean, std)。"),
            diagnose=normalization_mistake(*IMAGENET))
def imagenet_values(m):
    image, _ = m.make_dataset(build_tree(), *IMAGENET)[5]
    return image


@suite.case("a grey-scale PNG still comes out with 3 channels", "灰度 PNG 读出来仍然是 3 个通道",
            hint=T("Keep ImageFolder's default loader: it converts every image to RGB.",
                   "保留 ImageFolder 默认的 loader：它会把每张图片转换成 RGB。"),
            diagnose=normalization_mistake(*HALF))
def grey_image(m):
    dataset = m.make_dataset(build_tree())
    index = [os.path.relpath(path, dataset.root).replace(os.sep, "/") for path, _ in dataset.samples].index(GREY[0])
    image, label = dataset[index]
    return {"image": image, "label": label}


@suite.case("a DataLoader over the dataset gives (4, 3, 5, 6) images and int64 labels",
            "基于数据集的 DataLoader 给出 (4, 3, 5, 6) 的图片和 int64 标签", hint=TO_TENSOR_FIRST)
def loader_batch(m):
    images, labels = next(iter(data.DataLoader(m.make_dataset(build_tree()), batch_size=4)))
    return {"images": images, "labels": labels}


# ---- the transform on its own ---------------------------------------------------


@suite.case("image_transform with the notes' MNIST mean and std on a grey-scale image",
            "image_transform 使用笔记中 MNIST 的 mean 和 std，作用在灰度图片上",
            hint=TO_TENSOR_FIRST, diagnose=normalization_mistake(*MNIST))
def mnist_transform(m):
    pixels = np.random.RandomState(5).randint(0, 256, size=(7, 4)).astype(np.uint8)
    pixels[0, 0], pixels[0, 1] = 0, 255
    image = m.image_transform(*MNIST)(Image.fromarray(pixels, "L"))
    return {"min": image.min().item(), "max": image.max().item(), "image": image}


# ---- counting -------------------------------------------------------------------


def names_not_indices(got, expected):
    names = got.get("class names") if isinstance(got, dict) else None
    if isinstance(names, list) and names and all(type(n) is int for n in names):
        return T("Key the counts by class name (dataset.classes[index]), not by class index.",
                 "请用类别名称（dataset.classes[index]）作为键，而不是类别编号。")
    return None


def sorted_counts(counts) -> dict:
    """The learner's dict as two sorted lists, so that a wrong key is reported as a value, not a missing key."""
    names = sorted(counts.keys(), key=str)
    return {"class names": names, "counts": [counts[name] for name in names]}


@suite.case("class_counts on the tree: bird 2, cat 3, dog 2", "class_counts 作用在目录树上：bird 2、cat 3、dog 2",
            diagnose=names_not_indices)
def counts(m):
    return sorted_counts(m.class_counts(m.make_dataset(build_tree())))


@suite.case("class_counts on another tree, with a capitalised class name", "class_counts 作用在另一个目录树上，其中有大写开头的类别名",
            diagnose=names_not_indices)
def counts_other(m):
    return sorted_counts(m.class_counts(m.make_dataset(build_tree({"apple": 4, "Zebra": 1, "kiwi": 2}, grey=()))))


# ---- a transform passed on without being called --------------------------------


def uncalled_transform(got, expected):
    """transform=image_transform (the function itself): ImageFolder then calls image_transform(image),
    one argument where it takes two. The check only ever calls it with (mean, std), so a call that
    lacks 'std' came from the dataset, with an image."""
    if isinstance(got, ErrorRecord) and got.is_a("TypeError") and re.search(
            r"image_transform\(\) missing 1 required positional argument: '\w+'$", got.message.strip()):
        return T("ImageFolder called your image_transform with an image: you passed the function itself. "
                 "Pass the transform it builds: transform=image_transform(mean, std).",
                 "ImageFolder 用一张图片调用了你的 image_transform：你传入的是函数本身。"
                 "请传入它构建的变换：transform=image_transform(mean, std)。")
    return None


def _first_named(*diagnoses):
    def diagnose(got, expected):
        for candidate in diagnoses:
            named = candidate(got, expected) if candidate else None
            if named:
                return named
        return None

    return diagnose


# every case that opens an image meets an uncalled transform the same way
suite.cases[:] = [replace(case, diagnose=_first_named(uncalled_transform, case.diagnose)) for case in suite.cases]
