"""Checks for exercises/08_training/tensorboard_logging.py.

Each case gives the learner's function a fresh log folder in the probe's
private temporary folder, then reads back what reached the event files with
TensorBoard's own reader (EventAccumulator): tags, steps, values, and each
image's size and decoded pixels. The judge compares that with the reference's.
"""

from __future__ import annotations

import io
import tempfile
import warnings

import numpy as np

from grader.checks import Suite, T, lazy

torch = lazy("torch")
nn = lazy("torch.nn")
accumulator = lazy("tensorboard.backend.event_processing.event_accumulator")
Image = lazy("PIL.Image")

suite = Suite("tensorboard_logging", names=("log_losses", "log_images", "log_feature_maps", "log_graph"),
              needs=("torch", "torch.utils.tensorboard", "tensorboard.backend.event_processing.event_accumulator"))

CLOSE = T(
    "Nothing (or not everything) reached the log folder: open SummaryWriter(log_dir) on the folder the function "
    "receives, and call writer.close() before returning (the writer sends events to the file in the background).",
    "日志文件夹里什么都没有（或者不完整）：请用函数收到的文件夹打开 SummaryWriter(log_dir)，并在返回之前调用 "
    "writer.close()（writer 在后台把事件写入文件）。",
)
STEPS = T(
    "writer.add_scalar(tag, loss, global_step=step) for step, loss in enumerate(losses): the steps are the x axis.",
    "对 enumerate(losses) 中的每个 step, loss 调用 writer.add_scalar(tag, loss, global_step=step)：步数就是横坐标。",
)
DATAFORMATS = T(
    "A channels-last batch (N, H, W, C) needs add_images(..., dataformats='NHWC'); the default 'NCHW' reads the "
    "height as the channels.",
    "通道在最后的批次 (N, H, W, C) 需要 add_images(..., dataformats='NHWC')；默认的 'NCHW' 会把高度当成通道。",
)
FEATURE_MAPS = T(
    "features.reshape(-1, 3, H, W) turns (N, 6, H, W) into (2N, 3, H, W); log it with add_images('output', ..., "
    "global_step=step).",
    "features.reshape(-1, 3, H, W) 把 (N, 6, H, W) 变成 (2N, 3, H, W)；用 add_images('output', ..., "
    "global_step=step) 记录它。",
)


def log_dir() -> str:
    return tempfile.mkdtemp(prefix="tb-")


def read_back(folder: str) -> dict:
    """What TensorBoard itself finds in the folder: every scalar and image event, by tag."""
    events = accumulator.EventAccumulator(folder, size_guidance={"scalars": 0, "images": 0})
    events.Reload()
    tags = events.Tags()
    scalars = {tag: [[e.step, e.value] for e in events.Scalars(tag)] for tag in sorted(tags["scalars"])}
    images = {}
    for tag in sorted(tags["images"]):
        images[tag] = [{"step": e.step, "width": e.width, "height": e.height,
                        "pixels": np.asarray(Image.open(io.BytesIO(e.encoded_image_string)).convert("RGB"))}
                       for e in events.Images(tag)]
    return {"scalar tags": sorted(tags["scalars"]), "image tags": sorted(tags["images"]),
            "scalars": scalars, "images": images}


def nothing_written(got, expected) -> T | None:
    if isinstance(got, dict) and isinstance(expected, dict):
        if not got.get("scalar tags") and not got.get("image tags") and (
                expected.get("scalar tags") or expected.get("image tags")):
            return CLOSE
        if got.get("scalars") != expected.get("scalars") and all(
                len(got["scalars"].get(t, [])) < len(v) for t, v in expected.get("scalars", {}).items()):
            return CLOSE
    return None


# ---- log_losses -------------------------------------------------------------


@suite.case("log_losses: 5 losses become points 0..4 of the curve 'train/loss'",
            "log_losses：5 个损失值成为曲线 'train/loss' 上的第 0..4 个点", diagnose=nothing_written, hint=STEPS)
def losses_five(m):
    folder = log_dir()
    m.log_losses(folder, [2.3, 1.7, 1.2, 0.9, 0.8])
    return read_back(folder)


@suite.case("log_losses with another tag: 'val/loss'", "log_losses 使用另一个 tag：'val/loss'", diagnose=nothing_written,
            hint=T("Pass the tag argument on to add_scalar.", "把参数 tag 传给 add_scalar。"))
def losses_tag(m):
    folder = log_dir()
    m.log_losses(folder, [0.5, 0.25], tag="val/loss")
    return read_back(folder)


@suite.case("one loss is one point at step 0", "一个损失值就是第 0 步的一个点", diagnose=nothing_written, hint=STEPS)
def losses_one(m):
    folder = log_dir()
    m.log_losses(folder, [1.5])
    return read_back(folder)


@suite.case("no losses write no curve", "没有损失值时不写任何曲线")
def losses_none(m):
    folder = log_dir()
    m.log_losses(folder, [])
    return read_back(folder)


@suite.case("losses given as 0-d tensors, as loss.detach() gives them", "以 0 维张量给出的损失值（loss.detach() 的结果）",
            diagnose=nothing_written, hint=STEPS)
def losses_tensors(m):
    folder = log_dir()
    m.log_losses(folder, [torch.tensor(0.75), torch.tensor(0.5), torch.tensor(0.125)])
    return read_back(folder)


# ---- log_images -------------------------------------------------------------


@suite.case("log_images: a (4, 3, 8, 8) batch under 'input' at step 3", "log_images：在第 3 步以 'input' 记录 (4, 3, 8, 8) 的批次",
            diagnose=nothing_written,
            hint=T("writer.add_images('input', images, global_step=step) (add_images with an s, for a batch).",
                   "writer.add_images('input', images, global_step=step)（批次要用带 s 的 add_images）。"))
def images_nchw(m):
    folder = log_dir()
    m.log_images(folder, torch.rand(4, 3, 8, 8), step=3)
    return read_back(folder)


@suite.case("log_images with channels_last=True: (4, 8, 8, 3) gives the same picture",
            "channels_last=True 时 log_images：(4, 8, 8, 3) 得到相同的图片", diagnose=nothing_written, hint=DATAFORMATS)
def images_nhwc(m):
    folder = log_dir()
    m.log_images(folder, torch.rand(4, 3, 8, 8).permute(0, 2, 3, 1), step=0, channels_last=True)
    return read_back(folder)


@suite.case("a batch of a single image", "只有一张图片的批次", diagnose=nothing_written)
def images_single(m):
    folder = log_dir()
    m.log_images(folder, torch.rand(1, 3, 6, 5), step=9)
    return read_back(folder)


@suite.case("a channels-last batch that is not square: (3, 4, 7, 3)", "通道在最后、不是正方形的批次：(3, 4, 7, 3)",
            diagnose=nothing_written, hint=DATAFORMATS)
def images_nhwc_wide(m):
    folder = log_dir()
    m.log_images(folder, torch.rand(3, 4, 7, 3), step=1, channels_last=True)
    return read_back(folder)


# ---- log_feature_maps -------------------------------------------------------


@suite.case("log_feature_maps: (2, 6, 5, 5) conv output shown as 4 RGB images under 'output'",
            "log_feature_maps：(2, 6, 5, 5) 的卷积输出显示为 'output' 下的 4 张 RGB 图片",
            diagnose=nothing_written, hint=FEATURE_MAPS)
def features_six(m):
    folder = log_dir()
    m.log_feature_maps(folder, torch.rand(2, 6, 5, 5), step=2)
    return read_back(folder)


@suite.case("3 channels stay as they are", "3 个通道保持不变", diagnose=nothing_written, hint=FEATURE_MAPS)
def features_three(m):
    folder = log_dir()
    m.log_feature_maps(folder, torch.rand(2, 3, 4, 4), step=0)
    return read_back(folder)


@suite.case("4 channels raise ValueError", "4 个通道时抛出 ValueError",
            hint=T("Check features.shape[1] % 3 != 0 first and raise ValueError(...).",
                   "先检查 features.shape[1] % 3 != 0，然后 raise ValueError(...)。"))
def features_four(m):
    m.log_feature_maps(log_dir(), torch.rand(2, 4, 4, 4), step=0)
    return "no error"


# ---- log_graph ----------------------------------------------------------------


def read_graph(folder: str) -> dict:
    """The graph TensorBoard finds: which operations, in which layers (node names carry trace counters: left out)."""
    events = accumulator.EventAccumulator(folder)
    events.Reload()
    if not events.Tags()["graph"]:
        return {"graph written": False}
    nodes = events.Graph().node
    return {"graph written": True,
            "operations": sorted({node.op for node in nodes}),
            "layers": sorted({node.name.rsplit("/", 1)[0] for node in nodes})}


@suite.case("log_graph: the notes' small CNN, traced on a (2, 3, 32, 32) batch", "log_graph：笔记中的小卷积网络，用 (2, 3, 32, 32) 的批次追踪",
            hint=T("writer = SummaryWriter(log_dir); writer.add_graph(model, example); writer.close().",
                   "writer = SummaryWriter(log_dir)；writer.add_graph(model, example)；writer.close()。"))
def graph_cnn(m):
    folder = log_dir()
    model = nn.Sequential(nn.Conv2d(3, 6, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 15 * 15, 10))
    with warnings.catch_warnings():  # add_graph traces with torch.jit, which warns that it is deprecated
        warnings.simplefilter("ignore", FutureWarning)
        m.log_graph(folder, model, torch.rand(2, 3, 32, 32))
    return read_graph(folder)
