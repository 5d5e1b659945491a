"""Checks for exercises/03_data/custom_dataset.py."""

from __future__ import annotations

from grader.checks import Suite, T, lazy

torch = lazy("torch")
data = lazy("torch.utils.data")

suite = Suite("custom_dataset", names=("PairDataset",))


def numbered(n: int, width: int = 3):
    """Features whose first column is the sample number, and labels equal to it: pairs can be verified."""
    features = torch.randn(n, width)
    features[:, 0] = torch.arange(n, dtype=torch.float32)
    return features, torch.arange(n)


@suite.case("len() of a dataset of 10 pairs", "10 对样本的数据集的 len()",
            hint=T("__len__ returns len(self.features).", "__len__ 返回 len(self.features)。"))
def length(m):
    return len(m.PairDataset(*numbered(10)))


@suite.case("dataset[3] is the pair (features[3], labels[3])", "dataset[3] 是 (features[3], labels[3]) 这一对",
            hint=T("Return a tuple: return self.features[index], self.labels[index].",
                   "返回元组：return self.features[index], self.labels[index]。"))
def item(m):
    return m.PairDataset(*numbered(10))[3]


@suite.case("negative indices work like a list's: dataset[-1]", "负索引与列表一样：dataset[-1]")
def negative_index(m):
    return m.PairDataset(*numbered(6))[-1]


@suite.case("different lengths raise ValueError", "长度不同时抛出 ValueError",
            hint=T("Compare len(features) and len(labels) in __init__ and raise ValueError(...) if they differ.",
                   "在 __init__ 中比较 len(features) 和 len(labels)，不同就 raise ValueError(...)。"))
def mismatch(m):
    return m.PairDataset(torch.randn(5, 2), torch.arange(4))


@suite.case("it is a torch.utils.data.Dataset", "它是 torch.utils.data.Dataset 的子类")
def is_dataset(m):
    return {"is a Dataset": isinstance(m.PairDataset(*numbered(3)), data.Dataset)}


@suite.case("an empty dataset has length 0", "空数据集的长度为 0")
def empty(m):
    return len(m.PairDataset(torch.empty(0, 3), torch.empty(0, dtype=torch.long)))


@suite.case("DataLoader(batch_size=4, shuffle=True) keeps every pair together",
            "DataLoader(batch_size=4, shuffle=True) 让每一对样本保持在一起",
            hint=T("Index features and labels with the same i; the DataLoader shuffles indices, not tensors.",
                   "特征和标签要用同一个 i 取值；DataLoader 打乱的是索引，而不是张量。"))
def loader(m):
    features, labels = numbered(18)
    batches = list(data.DataLoader(m.PairDataset(features, labels), batch_size=4, shuffle=True))
    seen = torch.cat([y for _, y in batches]) if batches else torch.empty(0, dtype=torch.long)
    rows = torch.cat([x for x, _ in batches]) if batches else torch.empty(0, 3)
    # Shuffling may legitimately differ; ordered by label, each label's feature row must be its own.
    order = torch.argsort(seen)
    return {
        "number of batches": len(batches),
        "batch shapes": [[list(x.shape), list(y.shape)] for x, y in batches],
        "every sample seen once": sorted(seen.tolist()),
        "the feature row paired with each label (ordered by label)": rows[order],
    }


@suite.case("images and class labels, as in the notes' loaders", "图像与类别标签，与笔记中的加载器相同")
def images(m):
    images, labels = torch.rand(8, 3, 32, 32), torch.randint(0, 10, (8,))
    x, y = next(iter(data.DataLoader(m.PairDataset(images, labels), batch_size=8)))
    return {"images": x, "labels": y}
