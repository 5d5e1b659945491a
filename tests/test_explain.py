"""Beginners' PyTorch errors are explained with the learner's line and a concrete fix.

Each error here is real: a wrong submission is graded through the probe, and
PyTorch itself raises. Lines marked `# <- here` are where the learner's
mistake surfaces; the explanation must point at that line. Experiments left at
the top of a file (the notes' own snippets) fail at import, which is graded too.
"""

from __future__ import annotations

import string

import pytest

from grader.judge.explain import RULES, advise, explain_error
from grader.text.messages import MESSAGES
from grader.wire import ErrorRecord
from tests.helpers import failure_text

MARK = "# <- here"


def marked_line(source: str) -> int:
    """The 1-based line of `source` (as the grader sees it, after dedent) that carries MARK."""
    import textwrap

    lines = textwrap.dedent(source).splitlines()
    return next(i for i, line in enumerate(lines, start=1) if MARK in line)


CIFAR_LAYERS = """
    import torch
    from torch import nn


    class CifarNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.model = nn.Sequential(
                nn.Conv2d({in_channels}, 32, 5, padding=2), nn.MaxPool2d(2),
                nn.Conv2d(32, 32, 5, padding=2), nn.MaxPool2d(2),
                nn.Conv2d(32, 64, 5, padding=2), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear({in_features}, 64), nn.Linear(64, 10),
            )

        def forward(self, x):
            return self.model({forward_input})  # <- here
"""

NOTES_5X5 = "[[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]"

# (test id, exercise, wrong submission, words the explanation must contain)
REAL_ERRORS = [
    ("linear_in_features", "cifar_sequential",
     CIFAR_LAYERS.format(in_channels=3, in_features=2048, forward_input="x"),
     ["got 1024 features per sample but expects 2048", "nn.Linear(1024, 64)"]),
    ("flattened_batch", "cifar_sequential", """
        import torch
        from torch import nn


        class CifarNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.features = nn.Sequential(
                    nn.Conv2d(3, 32, 5, padding=2), nn.MaxPool2d(2),
                    nn.Conv2d(32, 32, 5, padding=2), nn.MaxPool2d(2),
                    nn.Conv2d(32, 64, 5, padding=2), nn.MaxPool2d(2),
                )
                self.head = nn.Sequential(nn.Linear(1024, 64), nn.Linear(64, 10))

            def forward(self, x):
                return self.head(torch.flatten(self.features(x)))  # <- here
     """, ["You flattened the whole batch", "torch.flatten(x, 1)"]),
    ("conv_flattened_input", "cifar_sequential",
     CIFAR_LAYERS.format(in_channels=3, in_features=1024, forward_input="x.view(x.size(0), -1)"),
     ["flattened before the convolutions", "x.reshape(-1, 3, 32, 32)"]),
    ("conv_in_channels", "cifar_sequential",
     CIFAR_LAYERS.format(in_channels=1, in_features=1024, forward_input="x"),
     ["built for 1 input channels (in_channels=1)", "Conv2d(3, ...)"]),
    ("conv_rank_notes_5x5", "conv2d_manual", f"""
        import torch
        import torch.nn.functional as F

        input = torch.tensor({NOTES_5X5}, dtype=torch.float32)
        kernel = torch.tensor([[1, 2, 1], [0, 1, 0], [2, 1, 0]], dtype=torch.float32)
        print(F.conv2d(input, kernel, stride=1))  # <- here
     """, ["got a 2-D input of shape (5, 5)", "x.reshape(-1, 1, 5, 5)"]),
    ("conv_on_integer_tensor", "conv2d_manual", f"""
        import torch
        from torch import nn

        input = torch.reshape(torch.tensor({NOTES_5X5}), (1, 1, 5, 5))
        conv = nn.Conv2d(1, 1, kernel_size=3)
        print(conv(input))  # <- here
     """, ["A Long tensor and a Float tensor", ".float()"]),
    ("cross_entropy_float_targets", "cifar_sequential", """
        import torch
        from torch import nn

        scores = torch.randn(4, 10)
        labels = torch.tensor([3.0, 1.0, 0.0, 9.0])
        loss = nn.CrossEntropyLoss()(scores, labels)  # <- here
     """, ["class indices of dtype int64", "targets.long()"]),
    ("cross_entropy_column_targets", "cifar_sequential", """
        import torch
        from torch import nn

        scores = torch.randn(4, 10)
        labels = torch.tensor([[3], [1], [0], [9]])
        loss = nn.CrossEntropyLoss()(scores, labels)  # <- here
     """, ["targets of shape (N,)", "targets.view(-1)"]),
    ("backward_without_requires_grad", "autograd_basics", """
        import torch


        def quadratic_grad(x):
            leaf = x.detach().clone()
            (leaf**2 + 2 * leaf + 1).sum().backward()  # <- here
            return leaf.grad


        def weighted_grad(x, weights):
            leaf = x.detach().clone().requires_grad_(True)
            (2 * leaf).backward(weights)
            return leaf.grad
     """, ["does not require grad", "requires_grad=True"]),
    ("inplace_update_of_leaf", "linear_regression", """
        import torch


        def least_squares(x, y):
            design = torch.stack([x, torch.ones_like(x)], dim=1)
            slope, intercept = torch.linalg.lstsq(design, y.unsqueeze(1)).solution.squeeze(1).tolist()
            return slope, intercept


        def fit_line(x, y, lr=0.05, steps=1000):
            slope = torch.zeros((), requires_grad=True)
            intercept = torch.zeros((), requires_grad=True)
            for _ in range(steps):
                loss = ((slope * x + intercept - y) ** 2).mean()
                loss.backward()
                slope -= lr * slope.grad  # <- here
                intercept -= lr * intercept.grad
            return slope.item(), intercept.item()
     """, ["changed in place", "torch.no_grad()"]),
    ("view_of_transposed", "reshape_squeeze_cat", """
        import torch


        def concat(tensors, dim=0):
            return torch.cat(tensors, dim=dim)


        def insert_axis(t, dim):
            return t.unsqueeze(dim)


        def drop_channel_axis(images):
            return images.squeeze(1)


        def to_matrix(t, rows):
            return t.view(rows, -1)  # <- here
     """, [".view() needs memory laid out in order", ".reshape()"]),
    ("device_mismatch", "module_basics", """
        import torch
        from torch import nn


        class AddOne(nn.Module):
            def forward(self, input):
                return input + torch.ones(input.shape, dtype=input.dtype)  # <- here


        class ReluNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.relu1 = nn.ReLU()

            def forward(self, input):
                return self.relu1(input)
     """, ["mixed tensors on cpu and meta", "device=x.device"]),
    ("gettime_typo", "custom_dataset", """
        from torch.utils.data import Dataset


        class PairDataset(Dataset):
            def __init__(self, features, labels):
                if len(features) != len(labels):
                    raise ValueError("lengths differ")
                self.features, self.labels = features, labels

            def __len__(self):
                return len(self.features)

            def __gettime__(self, index):
                return self.features[index], self.labels[index]

        first = PairDataset([1, 2], [3, 4])[0]  # <- here
     """, ["Check the spelling: it is __getitem__"]),
    ("collate_unequal_sequences", "tensor_dataset_loader", """
        import torch
        from torch.utils.data import DataLoader, TensorDataset


        def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
            return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


        def count_batches(n_samples, batch_size, drop_last=False):
            return n_samples // batch_size if drop_last else -(-n_samples // batch_size)


        def pad_collate(batch):
            sequences = [s for s, _ in batch]
            padded = torch.stack(sequences)  # <- here
            return padded, torch.tensor([len(s) for s in sequences]), torch.tensor([label for _, label in batch])
     """, ["could not stack samples of different sizes"]),
]


@pytest.mark.parametrize("exercise_id, source, words", [r[1:] for r in REAL_ERRORS], ids=[r[0] for r in REAL_ERRORS])
def test_real_error_is_explained_at_the_learners_line(grade_source, exercise_id, source, words):
    result = grade_source(exercise_id, source)
    explained = failure_text(result)
    assert not result.passed
    assert f"at your line {marked_line(source)}:" in explained, explained
    for phrase in words:
        assert phrase in explained, explained


def test_pil_images_in_a_loader_need_to_tensor(grade_source):
    """The DataLoader is the check's, so the explanation says the check met what the learner returned."""
    result = grade_source("image_folder", """
        from torchvision import datasets, transforms


        def image_transform(mean, std):
            return transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])


        def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
            return datasets.ImageFolder(root)


        def class_counts(dataset):
            return {name: dataset.targets.count(i) for i, name in enumerate(dataset.classes)}
    """)
    explained = failure_text(result)
    assert "found <class 'PIL.Image.Image'>" in explained
    assert "Add transforms.ToTensor() to the dataset's transform" in explained


def test_explanations_in_chinese(grade_source):
    source = CIFAR_LAYERS.format(in_channels=3, in_features=1024, forward_input="x.view(x.size(0), -1)")
    explained = failure_text(grade_source("cifar_sequential", source), "zh")
    assert f"你的第 {marked_line(source)} 行" in explained
    assert "图片在卷积之前就被展平了" in explained and "x.reshape(-1, 3, 32, 32)" in explained


# ---- messages PyTorch prints on machines these tests may not have (CUDA) -------------


def error(message: str, type_: str = "RuntimeError", in_learner_code: bool = True) -> ErrorRecord:
    return ErrorRecord(type_, (type_, "Exception"), message, 7 if in_learner_code else None,
                       "y = model(x)" if in_learner_code else None, None, in_learner_code)


@pytest.mark.parametrize("message, words", [
    ("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
     "mixed tensors on cuda:0 and cpu"),
    ("Expected all tensors to be on the same device, but got mat1 is on cuda:0, different from other tensors on cpu "
     "(when checking argument for argument mat1 in method wrapper_CUDA_addmm)", "mixed tensors on cuda:0 and cpu"),
    ("mat1 and mat2 must have the same dtype, but got Double and Float", "A Double tensor and a Float tensor"),
    ("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [784]",
     "x.reshape(-1, 1, 28, 28)"),
    ("non-empty 3D or 4D (batch mode) tensor expected for input", "Pooling layers take (N, C, H, W)"),
    ("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
     "dimension 1 is 3 on one side and 4 on the other"),
    ("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.", "t.detach().numpy()"),
    ("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found <class 'NoneType'>",
     "__getitem__ is missing its return statement"),
])
def test_recognised_messages(message, words):
    explained = explain_error(error(message)).en
    assert words in explained and "at your line 7: y = model(x)" in explained


def test_integer_kernel_is_not_mistaken_for_an_unwritten_exercise():
    found = advise(error('"log_softmax_lastdim_kernel_impl" not implemented for \'Long\'', "NotImplementedError"))
    assert found is not None and "floating-point tensors only" in found.en


def test_unknown_errors_get_no_advice_but_keep_the_line():
    record = error("something nobody has seen", "ValueError")
    assert advise(record) is None
    assert "at your line 7" in explain_error(record).en


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.key)
def test_every_rule_has_a_message_in_both_languages(rule):
    message = MESSAGES[rule.key]
    assert message.en.strip() and message.zh.strip() and message.en != message.zh
    assert placeholders(message.en) == placeholders(message.zh)
    if placeholders(message.en):
        assert rule.params is not None, "a message with blanks needs a params function"
