"""Checks for exercises/03_data/tensor_dataset_loader.py."""

from __future__ import annotations

from grader.checks import Suite, T, facts, lazy, sweep_diagnosis

torch = lazy("torch")
data = lazy("torch.utils.data")

suite = Suite("tensor_dataset_loader", names=("make_loader", "count_batches", "pad_collate"))

SHUFFLE_INDICES = T(
    "Pass shuffle=shuffle to the DataLoader and let it shuffle; do not permute x and y yourself.",
    "把 shuffle=shuffle 传给 DataLoader，让它去打乱；不要自己重排 x 和 y。",
)
PAD = T(
    "torch.stack only works for sequences of equal length, so pad first: "
    "padded = first.new_zeros((B, L_max, *first.shape[1:])), then padded[i, :len(seq)] = seq.",
    "torch.stack 只能堆叠长度相同的序列，所以要先补齐："
    "padded = first.new_zeros((B, L_max, *first.shape[1:]))，然后 padded[i, :len(seq)] = seq。",
)


def numbered(n: int):
    """x counts 0..n-1 and y = 10 * x: a pair can be verified anywhere it ends up."""
    x = torch.arange(n, dtype=torch.float32)
    return x, 10 * x


# ---- count_batches: the formulas a learner might write instead -----------

COUNT_MISTAKES = (
    (lambda n, b, drop: -(-n // b),
     T("drop_last=True throws away the last, incomplete batch: then the count is n_samples // batch_size.",
       "drop_last=True 会丢掉最后一个不完整的批次：这时批次数是 n_samples // batch_size。")),
    (lambda n, b, drop: n // b,
     T("Without drop_last the last, smaller batch still counts: round the division up.",
       "不开 drop_last 时，最后那个较小的批次也算一批：除法要向上取整。")),
    (lambda n, b, drop: n // b if not drop else -(-n // b),
     T("drop_last is the wrong way round: True drops the partial batch, False keeps it.",
       "drop_last 的含义弄反了：True 丢掉不完整的批次，False 保留它。")),
    (lambda n, b, drop: n // b + (0 if drop else 1),
     T("When batch_size divides n_samples exactly there is no partial batch: n // batch_size + 1 counts one too many.",
       "当 batch_size 能整除 n_samples 时没有不完整的批次：n // batch_size + 1 多算了一批。")),
)


def count_mistake(got: object, params: tuple[int, int, bool]) -> T | None:
    """The known mistake that gives the learner's (already wrong) count.

    The judge calls this only for counts that differ from the reference's, so no
    correct formula lives here: check modules run in the learner's process and
    could be imported by learner code.
    """
    if type(got) is not int:
        return None
    for formula, explanation in COUNT_MISTAKES:
        if formula(*params) == got:
            return explanation
    return None


# ---- make_loader ------------------------------------------------------------


@suite.case("the notes' linspace pairs, batch_size 5, shuffle: every batch still has x + y = 11",
            "笔记中的 linspace 数据，batch_size 为 5 并打乱：每个批次里仍有 x + y = 11",
            hint=SHUFFLE_INDICES)
def notes_pairs(m):
    x, y = torch.linspace(1, 10, 10), torch.linspace(10, 1, 10)
    batches = list(m.make_loader(x, y, 5, shuffle=True))
    seen = torch.cat([bx for bx, _ in batches]) if batches else torch.empty(0)
    partners = torch.cat([by for _, by in batches]) if batches else torch.empty(0)
    return {
        "number of batches": len(batches),
        "batch sizes": [len(bx) for bx, _ in batches],
        "every sample seen once": sorted(seen.tolist()),
        "the y paired with each x (ordered by x)": partners[torch.argsort(seen)],
    }


@suite.case("shuffle=True draws a new order every epoch, pairs intact", "shuffle=True 每个 epoch 重新打乱，配对不变",
            hint=T("Shuffling x and y once before building the loader gives the same order in every epoch. "
                   "Let the DataLoader shuffle.",
                   "在创建加载器之前把 x 和 y 打乱一次，每个 epoch 的顺序都会一样。请让 DataLoader 来打乱。"), rule=facts(lambda run: epoch_orders(run)))
def new_order(m):
    x, y = numbered(24)
    loader = m.make_loader(x, y, 6, shuffle=True)
    epochs = [[(bx, by) for bx, by in loader] for _ in range(3)]
    xs = [torch.cat([bx for bx, _ in epoch]) for epoch in epochs]
    ys = [torch.cat([by for _, by in epoch]) for epoch in epochs]
    # Raw orders: the judge decides whether they changed (see epoch_orders).
    return {"pairs": [ey[torch.argsort(ex)] for ex, ey in zip(xs, ys)], "orders": [seen.tolist() for seen in xs]}


def epoch_orders(run) -> dict:
    """Judge-side facts about three epochs of one run: pairs kept, a new order each epoch, nothing lost."""
    orders = run["orders"]
    return {
        "the y paired with each x (ordered by x), per epoch": run["pairs"],
        "a new order every epoch": orders[0] != orders[1] and orders[1] != orders[2],
        "every sample seen once per epoch": [sorted(order) for order in orders],
    }


@suite.case("shuffle=False keeps the original order: 10 samples in batches of 4",
            "shuffle=False 保持原来的顺序：10 个样本，每批 4 个")
def in_order(m):
    x, y = torch.randn(10, 3), torch.arange(10)
    return [tuple(batch) for batch in m.make_loader(x, y, 4)]


@suite.case("drop_last=True drops the partial batch: 10 samples, batch_size 4 -> 2 batches",
            "drop_last=True 丢掉不完整的批次：10 个样本、batch_size 为 4 -> 2 批",
            hint=T("Pass drop_last=drop_last through to the DataLoader.", "把 drop_last=drop_last 传给 DataLoader。"))
def drop_last(m):
    loader = m.make_loader(torch.randn(10, 2), torch.arange(10), 4, drop_last=True)
    return {"len(loader)": len(loader), "batch sizes": [len(bx) for bx, _ in loader]}


@suite.case("make_loader returns a DataLoader over a TensorDataset", "make_loader 返回基于 TensorDataset 的 DataLoader",
            hint=T("return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)",
                   "return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)"))
def loader_type(m):
    loader = m.make_loader(torch.randn(7, 2), torch.arange(7), 3, drop_last=True)
    return {
        "is a DataLoader": isinstance(loader, data.DataLoader),
        "dataset is a TensorDataset": isinstance(getattr(loader, "dataset", None), data.TensorDataset),
        "batch_size": getattr(loader, "batch_size", None),
        "drop_last": getattr(loader, "drop_last", None),
    }


@suite.case("image batches keep their shape, and int64 labels stay int64",
            "图像批次保持形状，int64 标签仍是 int64")
def image_batches(m):
    images, labels = torch.rand(8, 3, 32, 32), torch.randint(0, 10, (8,))
    return [tuple(batch) for batch in m.make_loader(images, labels, 3)]


@suite.case("fewer samples than batch_size: one small batch, or none with drop_last",
            "样本比 batch_size 少：只有一个小批次；开启 drop_last 则一个也没有")
def fewer_than_batch(m):
    x, y = numbered(3)
    return {
        "batch sizes": [len(bx) for bx, _ in m.make_loader(x, y, 8)],
        "batch sizes with drop_last": [len(bx) for bx, _ in m.make_loader(x, y, 8, drop_last=True)],
    }


# ---- count_batches ----------------------------------------------------------


def count_case(en: str, zh: str, n: int, b: int, drop: bool = False):
    params = (n, b, drop)

    @suite.case(en, zh, diagnose=lambda got, expected: count_mistake(got, params))
    def run(m):
        return m.count_batches(n, b, drop_last=drop)


count_case("count_batches(10, 5) is 2, as in the notes", "count_batches(10, 5) 等于 2，与笔记一致", 10, 5)
count_case("count_batches(10, 4) counts the partial batch: 3", "count_batches(10, 4) 把不完整的批次也算上：3", 10, 4)
count_case("count_batches(10, 4, drop_last=True) is 2", "count_batches(10, 4, drop_last=True) 等于 2", 10, 4, True)
count_case("count_batches(64, 64, drop_last=True) is 1", "count_batches(64, 64, drop_last=True) 等于 1", 64, 64, True)

SWEEP = [(n, b, drop) for n in (1, 7, 32, 50, 60, 100, 1000) for b in (1, 3, 8, 32, 64) for drop in (False, True)]


sweep_mistake = sweep_diagnosis(SWEEP, lambda p: "count_batches({}, {}, drop_last={})".format(*p), count_mistake)


@suite.case("count_batches matches len(DataLoader) for 70 combinations", "count_batches 在 70 种组合下都与 len(DataLoader) 一致",
            points=2, diagnose=sweep_mistake)
def count_sweep(m):
    return [m.count_batches(n, b, drop_last=drop) for n, b, drop in SWEEP]


# ---- pad_collate ------------------------------------------------------------


@suite.case("pad_collate on the statement's example", "pad_collate 作用在题目中的例子上", hint=PAD)
def collate_example(m):
    return m.pad_collate([(torch.tensor([1.0, 2.0, 3.0]), 0), (torch.tensor([4.0]), 1)])


@suite.case("a DataLoader with collate_fn=pad_collate batches sequences of (L, 2) features",
            "使用 collate_fn=pad_collate 的 DataLoader 能把 (L, 2) 特征的序列组成批次", hint=PAD)
def collate_in_loader(m):
    lengths = [5, 2, 7, 1, 4, 3, 6]
    samples = [(torch.randn(n, 2), i % 3) for i, n in enumerate(lengths)]
    return [tuple(batch) for batch in data.DataLoader(samples, batch_size=3, collate_fn=m.pad_collate)]


@suite.case("pad_collate keeps float64 and handles an empty sequence", "pad_collate 保持 float64，并能处理空序列",
            hint=T("Create the padded tensor from the first sequence (new_zeros) so it has the same dtype.",
                   "用第一个序列创建补齐后的张量（new_zeros），这样 dtype 才会相同。"))
def collate_dtype(m):
    batch = [(torch.randn(3, dtype=torch.float64), 2), (torch.empty(0, dtype=torch.float64), 0),
             (torch.randn(4, dtype=torch.float64), 1)]
    return m.pad_collate(batch)


@suite.case("pad_collate keeps the sequences' device (meta)", "pad_collate 保持序列所在的设备（meta）",
            hint=T("Use new_zeros (or device=first.device) instead of torch.zeros on the default device.",
                   "用 new_zeros（或 device=first.device），不要在默认设备上用 torch.zeros。"))
def collate_meta(m):
    batch = [(torch.empty(n, 3, device="meta"), n) for n in (2, 5, 1)]
    padded, lengths, labels = m.pad_collate(batch)
    # The statement lets lengths and labels live on the CPU (where pack_padded_sequence wants lengths)
    # or on the sequences' device: only their shape and dtype are compared here, their values elsewhere.
    return {"padded": padded, "lengths": _shape_and_dtype(lengths), "labels": _shape_and_dtype(labels)}


def _shape_and_dtype(tensor):
    if not isinstance(tensor, torch.Tensor):
        return tensor  # compared as it is: the judge says what it is instead of a tensor
    return {"shape": list(tensor.shape), "dtype": str(tensor.dtype).replace("torch.", "")}
