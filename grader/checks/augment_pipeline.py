"""Checks for exercises/03_data/augment_pipeline.py.

Random augmentations legitimately differ between correct pipelines (another
order of drawing gives other crops), so augmented images are never compared
with the reference's. The probe sends the raw outputs; the judge takes the
source images from the reference's record, builds every placement the
statement allows (each of the 9 x 9 offsets of a 32x32 window in the image
padded by 4, mirrored or not, normalised) and finds which one each output is.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.checks import Suite, T, lazy

torch = lazy("torch")
Image = lazy("PIL.Image")

suite = Suite("augment_pipeline", names=("train_transform", "test_transform", "augment_batch"),
              needs=("torch", "torchvision"))

SIZE, PAD = 32, 4
PIPELINE = T(
    "transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), "
    "transforms.ToTensor(), transforms.Normalize(MEAN, STD)]), in this order.",
    "transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), "
    "transforms.ToTensor(), transforms.Normalize(MEAN, STD)])，按这个顺序。",
)
SEED_ONCE = T(
    "Call torch.manual_seed(seed) once at the start of augment_batch, not before every image: re-seeding gives "
    "every image the same crop and flip.",
    "在 augment_batch 开始时只调用一次 torch.manual_seed(seed)，不要在每张图片之前都调用：重复设置种子会让每张"
    "图片得到相同的裁剪和翻转。",
)


# ---- the judge's side: which placement is an output? -------------------------


def placements(source: np.ndarray) -> tuple[np.ndarray, list[tuple[int, int, bool]]]:
    """Every allowed augmented version of a (32, 32, 3) uint8 image, normalised, as (count, 3, 32, 32)."""
    padded = np.zeros((SIZE + 2 * PAD, SIZE + 2 * PAD, 3), dtype=np.float64)
    padded[PAD:PAD + SIZE, PAD:PAD + SIZE] = source / 255.0
    images, labels = [], []
    for top in range(2 * PAD + 1):
        for left in range(2 * PAD + 1):
            window = padded[top:top + SIZE, left:left + SIZE]
            for flipped in (False, True):
                images.append((window[:, ::-1] if flipped else window).transpose(2, 0, 1))
                labels.append((top, left, flipped))
    return (np.stack(images) - 0.5) / 0.5, labels


def placement_of(output: np.ndarray, source: np.ndarray) -> tuple[int, int, bool] | None:
    candidates, labels = placements(source)
    if output.shape != candidates.shape[1:]:
        return None
    error = np.abs(candidates - output[None]).reshape(len(candidates), -1).max(axis=1)
    best = int(np.argmin(error))
    return labels[best] if error[best] < 1e-4 else None


def identify_all(outputs: np.ndarray, sources: np.ndarray) -> tuple[list, T | None]:
    if outputs.shape != (len(sources), 3, SIZE, SIZE):
        return [], T(f"Expected {len(sources)} images of shape (3, 32, 32), got an array of shape {outputs.shape}.",
                     f"应为 {len(sources)} 张形状为 (3, 32, 32) 的图片，实际得到形状为 {outputs.shape} 的数组。")
    found = [placement_of(out, src) for out, src in zip(outputs, sources)]
    for i, place in enumerate(found):
        if place is None:
            if outputs[i].min() >= 0:
                return found, T(f"Image {i} is not normalised (all values are 0 or more). " + PIPELINE.en,
                                f"第 {i} 张图片没有归一化（所有值都不小于 0）。" + PIPELINE.zh)
            return found, T(f"Image {i} is not a 32x32 window of the image padded by 4 zero pixels (mirrored or "
                            "not), normalised with mean = std = 0.5. " + PIPELINE.en,
                            f"第 {i} 张图片不是“四周填充 4 个 0 像素的图片中的一个 32x32 窗口”（翻转或不翻转），"
                            "再用 mean = std = 0.5 归一化的结果。" + PIPELINE.zh)
    return found, None


def valid_augmentations(got, expected) -> T | None:
    """Rule: every output is an allowed placement of its source image."""
    _, problem = identify_all(got["outputs"].values, expected["sources"].values)
    return problem


def varied_augmentations(got, expected) -> T | None:
    """Rule: valid placements, and the randomness shows: several offsets, flipped and not flipped."""
    found, problem = identify_all(got["outputs"].values, expected["sources"].values)
    if problem:
        return problem
    offsets = {(top, left) for top, left, _ in found}
    flips = {flipped for _, _, flipped in found}
    if len(offsets) < 2 or len(flips) < 2:
        return T(f"Over {len(found)} draws the augmentation never changed its crop or never changed its flip "
                 f"({len(offsets)} offsets, flips {sorted(flips)}): the transforms must be random, drawn anew for "
                 "every image. " + SEED_ONCE.en,
                 f"{len(found)} 次抽取中裁剪位置或翻转从未改变（{len(offsets)} 种位置，翻转 {sorted(flips)}）："
                 "变换必须是随机的，并且每张图片重新抽取。" + SEED_ONCE.zh)
    return None


def reproducible(got, expected) -> T | None:
    """Rule: the same seed twice gives identical batches, another seed another batch, all of them valid."""
    for key in ("seed 5", "seed 5 again", "seed 6"):
        _, problem = identify_all(got[key].values, expected["sources"].values)
        if problem:
            return problem
    if got["seed 5"].values.shape != got["seed 5 again"].values.shape or not np.array_equal(
            got["seed 5"].values, got["seed 5 again"].values):
        return T("augment_batch(images, 5) twice gave two different batches: call torch.manual_seed(seed) at the "
                 "start, before any random transform runs.",
                 "两次调用 augment_batch(images, 5) 得到了不同的批次：要在开头、在任何随机变换运行之前调用 "
                 "torch.manual_seed(seed)。")
    if np.array_equal(got["seed 5"].values, got["seed 6"].values):
        return T("Seeds 5 and 6 gave the same batch: seed with the seed argument, torch.manual_seed(seed).",
                 "种子 5 和 6 得到了相同的批次：请用参数 seed 设置种子：torch.manual_seed(seed)。")
    return None


# ---- the probe's side: inputs and raw outputs --------------------------------


def source_images(count: int, seed: int, same: bool = False) -> np.ndarray:
    """Random 32x32 RGB images; no pixel is black, so the zero padding shows where the window went."""
    rng = np.random.RandomState(seed)
    images = rng.randint(1, 256, (count, SIZE, SIZE, 3)).astype(np.uint8)
    if same:
        images[:] = images[0]
    return images


def pil(images: np.ndarray) -> list:
    return [Image.fromarray(image, "RGB") for image in images]


def four_sides(padding) -> list:
    """torchvision's padding forms (p, (a, b), (l, t, r, b)) as one: [left, top, right, bottom]."""
    if isinstance(padding, int):
        return [padding] * 4
    sides = list(padding)
    return sides * 2 if len(sides) == 2 else sides * 4 if len(sides) == 1 else sides


@suite.case("train_transform: RandomCrop(32, padding=4), RandomHorizontalFlip, ToTensor, Normalize",
            "train_transform：RandomCrop(32, padding=4)、RandomHorizontalFlip、ToTensor、Normalize", hint=PIPELINE)
def pipeline_steps(m):
    steps = m.train_transform().transforms
    described = []
    for step in steps:
        entry: dict[str, Any] = {"name": type(step).__name__}
        for attribute in ("size", "p", "mean", "std"):
            if hasattr(step, attribute):
                value = getattr(step, attribute)
                entry[attribute] = list(value) if isinstance(value, (tuple, list)) else value
        if hasattr(step, "padding"):
            entry["padding (left, top, right, bottom)"] = four_sides(step.padding)
        described.append(entry)
    return described


@suite.case("train_transform of one image: a 32x32 window of the padded image, maybe mirrored, normalised",
            "train_transform 处理一张图片：填充后图片中的一个 32x32 窗口，可能翻转，并已归一化",
            rule=valid_augmentations, hint=PIPELINE)
def one_image(m):
    sources = source_images(1, seed=1)
    return {"sources": sources, "outputs": m.train_transform()(pil(sources)[0]).unsqueeze(0)}


@suite.case("24 draws on the same image: different crops, and flipped as well as not flipped",
            "对同一张图片抽取 24 次：裁剪位置不同，既有翻转也有不翻转的", rule=varied_augmentations, hint=PIPELINE)
def many_draws(m):
    sources = source_images(24, seed=2, same=True)
    transform = m.train_transform()
    return {"sources": sources, "outputs": torch.stack([transform(image) for image in pil(sources)])}


@suite.case("test_transform: ToTensor and Normalize only, nothing random", "test_transform：只有 ToTensor 和 Normalize，没有随机变换",
            hint=T("transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)]): test images are "
                   "never augmented.",
                   "transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])：测试图片永远不做增强。"))
def test_images(m):
    images = pil(source_images(3, seed=3))
    transform = m.test_transform()
    return {"first pass": torch.stack([transform(image) for image in images]),
            "second pass": torch.stack([transform(image) for image in images])}


@suite.case("augment_batch(6 images, seed=5): (6, 3, 32, 32) of valid augmentations",
            "augment_batch(6 张图片, seed=5)：(6, 3, 32, 32)，每张都是合法的增强结果", rule=valid_augmentations,
            hint=PIPELINE)
def batch_valid(m):
    sources = source_images(6, seed=4)
    return {"sources": sources, "outputs": m.augment_batch(pil(sources), 5)}


@suite.case("the same seed gives the same batch, another seed another one", "相同的种子得到相同的批次，不同的种子得到不同的批次",
            rule=reproducible, hint=SEED_ONCE)
def batch_reproducible(m):
    sources = source_images(8, seed=5)
    torch.manual_seed(999)  # whatever the global generator held before must not matter
    first = m.augment_batch(pil(sources), 5)
    torch.rand(17)
    again = m.augment_batch(pil(sources), 5)
    return {"sources": sources, "seed 5": first, "seed 5 again": again, "seed 6": m.augment_batch(pil(sources), 6)}


@suite.case("16 copies of one image each get their own crop and flip", "同一张图片的 16 份副本各自得到自己的裁剪和翻转",
            rule=varied_augmentations, hint=SEED_ONCE)
def batch_varied(m):
    sources = source_images(16, seed=6, same=True)
    return {"sources": sources, "outputs": m.augment_batch(pil(sources), 7)}


@suite.case("a batch of a single image: (1, 3, 32, 32)", "只有一张图片的批次：(1, 3, 32, 32)", rule=valid_augmentations,
            hint=T("torch.stack of a one-element list gives (1, 3, 32, 32).", "对只有一个元素的列表做 torch.stack 得到 (1, 3, 32, 32)。"))
def batch_single(m):
    sources = source_images(1, seed=7)
    return {"sources": sources, "outputs": m.augment_batch(pil(sources), 1)}
