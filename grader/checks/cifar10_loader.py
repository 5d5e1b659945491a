"""Checks for exercises/03_data/cifar10_loader.py.

Nothing is downloaded: every case writes a small data set in the real
CIFAR-10 on-disk format (pickled batches `data_batch_1..5` and `test_batch`,
and `batches.meta`) into the probe's private temporary folder, so that
torchvision.datasets.CIFAR10(root, download=False) really reads it.
torchvision verifies the files against the MD5 sums of the real data set; the
fixture gives its own files' sums to the CIFAR10 class of this probe (a fresh
process every time, so nothing outlives the case).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile

import numpy as np

from grader.checks import Suite, T, TensorRecord, lazy

torch = lazy("torch")
datasets = lazy("torchvision.datasets")

suite = Suite("cifar10_loader", names=("load_cifar", "class_names", "cifar_loader", "first_images_grid"),
              needs=("torch", "torchvision"))

NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
TRAIN_PER_FILE = 12
TEST_IMAGES = 70  # more than one batch of 64
MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2470, 0.2435, 0.2616)

NO_DOWNLOAD = T(
    "torchvision.datasets.CIFAR10(root, train=train, download=False, transform=transforms.ToTensor()): the data "
    "is already in root; train=True is the training set, train=False the test set.",
    "torchvision.datasets.CIFAR10(root, train=train, download=False, transform=transforms.ToTensor())：数据已经在 "
    "root 中；train=True 是训练集，train=False 是测试集。",
)
TO_TENSOR = T(
    "transform=transforms.ToTensor() turns each PIL image into a float tensor (3, 32, 32) with values 0..1.",
    "transform=transforms.ToTensor() 把每张 PIL 图片变成取值 0..1、形状为 (3, 32, 32) 的浮点张量。",
)
NORMALIZE = T(
    "Compose([ToTensor(), Normalize(CIFAR_MEAN, CIFAR_STD)]): ToTensor first (Normalize works on tensors), then "
    "(x - mean) / std per channel.",
    "Compose([ToTensor(), Normalize(CIFAR_MEAN, CIFAR_STD)])：先 ToTensor（Normalize 只能作用在张量上），再对每个通道"
    "计算 (x - mean) / std。",
)
GRID = T(
    "Stack the first count test images into (count, 3, 32, 32) (torch.stack), then make_grid(images, nrow=4): "
    "each image takes 32 + 2 pixels, plus 2 for the outer frame.",
    "把测试集前 count 张图片堆叠成 (count, 3, 32, 32)（torch.stack），再 make_grid(images, nrow=4)："
    "每张图片占 32 + 2 个像素，外框再加 2 个。",
)


def md5(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.md5(file.read()).hexdigest()


#: the data set this probe wrote (each probe is a fresh process, so it is written once per run)
_written: dict[str, str] = {}


def write_cifar() -> str:
    """A small CIFAR-10 in the real format: 5 training files of TRAIN_PER_FILE images, a test file, the meta file."""
    if "root" in _written:
        return _written["root"]
    root = tempfile.mkdtemp(prefix="cifar-")
    folder = os.path.join(root, "cifar-10-batches-py")
    os.makedirs(folder)
    rng = np.random.RandomState(1010)
    files = [(f"data_batch_{i}", TRAIN_PER_FILE) for i in range(1, 6)] + [("test_batch", TEST_IMAGES)]
    for name, count in files:
        entry = {"batch_label": f"{name} of a generated CIFAR-10", "labels": rng.randint(0, 10, count).tolist(),
                 "data": rng.randint(0, 256, (count, 3072)).astype(np.uint8),
                 "filenames": [f"{name}_{i}.png" for i in range(count)]}
        with open(os.path.join(folder, name), "wb") as file:
            pickle.dump(entry, file)
    with open(os.path.join(folder, "batches.meta"), "wb") as file:
        pickle.dump({"label_names": NAMES, "num_cases_per_batch": TRAIN_PER_FILE, "num_vis": 3072}, file)
    cifar = datasets.CIFAR10
    cifar.train_list = [[name, md5(os.path.join(folder, name))] for name, _ in files[:5]]
    cifar.test_list = [["test_batch", md5(os.path.join(folder, "test_batch"))]]
    cifar.meta = {**cifar.meta, "md5": md5(os.path.join(folder, "batches.meta"))}
    _written["root"] = root
    return root


def read_loader(loader) -> dict:
    sizes, images, labels = [], [], []
    for x, y in loader:
        sizes.append(len(y))
        images.append(x)
        labels.append(y)
    return {"batch sizes": sizes, "images": torch.cat(images), "labels": torch.cat(labels)}


def file_order(root: str) -> dict:
    """The test set as the check reads it itself, normalised, in file order (for the judge to compare against)."""
    from torchvision import transforms

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    dataset = datasets.CIFAR10(root, train=False, download=False, transform=transform)
    return {"file order images": torch.stack([dataset[i][0] for i in range(len(dataset))]),
            "file order labels": torch.tensor(dataset.targets)}


def _rows(images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    rows = np.concatenate([labels.reshape(-1, 1).astype(np.float64), images.reshape(len(images), -1)], axis=1)
    keys = np.round(rows[:, :9], 3)
    return rows[np.lexsort(keys.T[::-1])]


def shuffled_test_set(got, expected) -> T | None:
    """Judge rule: the reference's batch sizes, every test sample once (any order), and not the file's order."""
    if got["batch sizes"] != expected["batch sizes"]:
        return T(f"Batch sizes {got['batch sizes']} instead of {expected['batch sizes']}: DataLoader(dataset, "
                 "batch_size=batch_size, shuffle=True) over the test set (train=False).",
                 f"批大小为 {got['batch sizes']}，应为 {expected['batch sizes']}：在测试集（train=False）上使用 "
                 "DataLoader(dataset, batch_size=batch_size, shuffle=True)。")
    mine_x, mine_y = got["images"].values, got["labels"].values
    ref_x, ref_y = expected["file order images"].values, expected["file order labels"].values
    if mine_x.shape != ref_x.shape or mine_y.shape != ref_y.shape:
        return T(f"The images have shape {mine_x.shape} instead of {ref_x.shape}.",
                 f"图片的形状是 {mine_x.shape}，应为 {ref_x.shape}。")
    if not np.allclose(_rows(mine_x, mine_y), _rows(ref_x, ref_y), atol=1e-4):
        if mine_x.min() >= 0 and mine_x.max() <= 1:
            return T("The values stay between 0 and 1: Normalize is missing. " + NORMALIZE.en,
                     "取值仍在 0 和 1 之间：缺少 Normalize。" + NORMALIZE.zh)
        return T("The images (or their labels) differ from the test set's, normalised. " + NORMALIZE.en,
                 "这些图片（或它们的标签）与归一化后的测试集不一致。" + NORMALIZE.zh)
    if np.allclose(mine_x, ref_x, atol=1e-4):
        return T("The batches come in the file's order: pass shuffle=True so that each epoch sees a new order.",
                 "批次是按文件中的顺序来的：请传入 shuffle=True，让每一轮看到新的顺序。")
    return None


def normalised_values(got, expected) -> T | None:
    if isinstance(got, TensorRecord) and got.values is not None and got.values.size and got.values.max() <= 1 \
            and isinstance(expected, TensorRecord) and expected.values is not None and expected.values.min() < 0:
        return T("The values stay between 0 and 1: Normalize is missing.", "取值仍在 0 和 1 之间：缺少 Normalize。")
    return None


# ---- load_cifar -------------------------------------------------------------


@suite.case("load_cifar(root, train=True): 5 training files read, (image, label) items",
            "load_cifar(root, train=True)：读取 5 个训练文件，每项为 (image, label)", hint=NO_DOWNLOAD)
def training_set(m):
    dataset = m.load_cifar(write_cifar(), train=True)
    image, label = dataset[0]
    return {"is a torchvision CIFAR10": isinstance(dataset, datasets.CIFAR10), "length": len(dataset),
            "first image": image, "first label": label}


@suite.case("load_cifar(root, train=False) is the test set", "load_cifar(root, train=False) 是测试集", hint=NO_DOWNLOAD)
def test_set(m):
    dataset = m.load_cifar(write_cifar(), train=False)
    image, label = dataset[TEST_IMAGES - 1]
    return {"length": len(dataset), "last image": image, "last label": label}


@suite.case("ToTensor: byte 0 becomes 0.0 and byte 255 becomes 1.0, channels first",
            "ToTensor：字节 0 变成 0.0，字节 255 变成 1.0，通道在前", hint=TO_TENSOR)
def to_tensor_values(m):
    dataset = m.load_cifar(write_cifar(), train=False)
    return torch.stack([dataset[i][0] for i in (0, 1, 2)])


@suite.case("class_names: the 10 names from batches.meta", "class_names：batches.meta 中的 10 个类别名",
            hint=T("dataset.classes holds them.", "dataset.classes 里就是这些名字。"))
def names(m):
    return list(m.class_names(write_cifar()))


# ---- cifar_loader -----------------------------------------------------------


@suite.case("cifar_loader(root): batches of 64 of the normalised test set, shuffled",
            "cifar_loader(root)：归一化后的测试集，每批 64 个，打乱顺序", rule=shuffled_test_set, hint=NORMALIZE)
def loader_default(m):
    root = write_cifar()
    return {**read_loader(m.cifar_loader(root)), **file_order(root)}


@suite.case("cifar_loader(root, batch_size=32): the last batch holds the 6 left over",
            "cifar_loader(root, batch_size=32)：最后一批是剩下的 6 个", rule=shuffled_test_set)
def loader_32(m):
    root = write_cifar()
    return {**read_loader(m.cifar_loader(root, batch_size=32)), **file_order(root)}


@suite.case("cifar_loader(root, batch_size=70): one batch of the whole test set",
            "cifar_loader(root, batch_size=70)：整个测试集是一批", rule=shuffled_test_set)
def loader_whole(m):
    root = write_cifar()
    return {**read_loader(m.cifar_loader(root, batch_size=TEST_IMAGES)), **file_order(root)}


@suite.case("each channel is normalised with its own mean and std", "每个通道用自己的均值和标准差归一化",
            diagnose=normalised_values, hint=NORMALIZE)
def loader_channel_values(m):
    loader = m.cifar_loader(write_cifar(), batch_size=TEST_IMAGES)
    images = next(iter(loader))[0]
    # Per-channel extremes do not depend on the order: byte 0 and byte 255 exist in every channel.
    return torch.stack([images.amin(dim=(0, 2, 3)), images.amax(dim=(0, 2, 3))])


# ---- first_images_grid ------------------------------------------------------


@suite.case("first_images_grid(root): 8 images in 2 rows of 4, shape (3, 70, 138)",
            "first_images_grid(root)：8 张图片排成 2 行、每行 4 张，形状为 (3, 70, 138)", hint=GRID)
def grid_default(m):
    return m.first_images_grid(write_cifar())


@suite.case("first_images_grid(root, count=4): one row, shape (3, 36, 138)",
            "first_images_grid(root, count=4)：一行，形状为 (3, 36, 138)", hint=GRID)
def grid_one_row(m):
    return m.first_images_grid(write_cifar(), count=4)


@suite.case("first_images_grid(root, count=5): the second row has one image and padding",
            "first_images_grid(root, count=5)：第二行只有一张图片，其余是填充", hint=GRID)
def grid_partial_row(m):
    return m.first_images_grid(write_cifar(), count=5)
