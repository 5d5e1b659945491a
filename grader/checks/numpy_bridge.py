"""Checks for exercises/01_tensors/numpy_bridge.py."""

from __future__ import annotations

from grader.checks import Suite, T, lazy

torch = lazy("torch")
np = lazy("numpy")
data = lazy("torch.utils.data")
datasets = lazy("sklearn.datasets")

suite = Suite("numpy_bridge",
              names=("to_tensor", "to_array", "classification_tensors", "regression_tensors", "iris_tensors"),
              needs=("torch", "sklearn.datasets"))

FROM_NUMPY = T(
    "torch.from_numpy(array) shares memory and keeps the dtype; torch.tensor(array) copies, torch.Tensor(array) "
    "copies and makes float32.",
    "torch.from_numpy(array) 共享内存并保持 dtype；torch.tensor(array) 会复制，torch.Tensor(array) 会复制并变成 float32。",
)

DETACH_NUMPY = T(
    "Call t.detach().numpy(): detach() leaves the graph but keeps the same memory.",
    "调用 t.detach().numpy()：detach() 脱离计算图，但仍然使用同一块内存。",
)


def array_facts(value) -> dict:
    """What the judge needs to know about an array the learner returned (arrays do not travel as such)."""
    if not isinstance(value, np.ndarray):
        return {"is a NumPy array": False}
    return {"is a NumPy array": True, "dtype": str(value.dtype), "values": torch.from_numpy(np.array(value, copy=True))}


def _pairs(got, expected):
    """Tensor records found at the same place in both values."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key, value in expected.items():
            if key in got:
                yield from _pairs(got[key], value)
    elif isinstance(expected, (list, tuple)) and isinstance(got, (list, tuple)) and len(got) == len(expected):
        for mine, theirs in zip(got, expected):
            yield from _pairs(mine, theirs)
    elif getattr(got, "dtype", None) is not None and getattr(expected, "dtype", None) is not None:
        yield got, expected


def _first_dtype_change(got, expected) -> tuple[str, str] | None:
    for mine, theirs in _pairs(got, expected):
        if mine.dtype != theirs.dtype:
            return theirs.dtype, mine.dtype
    return None


def legacy_constructor(got, expected):
    """A dtype changed by the conversion itself: torch.Tensor / FloatTensor instead of from_numpy."""
    change = _first_dtype_change(got, expected)
    if change and change[1] == "float32":
        return T("torch.Tensor(...) and torch.FloatTensor(...) always make float32; torch.from_numpy keeps the array's dtype.",
                 "torch.Tensor(...) 和 torch.FloatTensor(...) 总是得到 float32；torch.from_numpy 会保持数组的 dtype。")
    return None


def data_dtypes(got, expected):
    """The usual dtype slips when preparing features and labels."""
    change = _first_dtype_change(got, expected)
    if change is None:
        return None
    wanted, found = change
    if wanted == "float32" and found == "float64":
        return T("NumPy arrays and scikit-learn's data sets are float64; PyTorch layers want float32: "
                 "use .astype(np.float32) before torch.from_numpy, or .float() after.",
                 "NumPy 数组和 scikit-learn 的数据集是 float64；PyTorch 的网络层需要 float32："
                 "在 torch.from_numpy 之前用 .astype(np.float32)，或之后用 .float()。")
    if wanted == "int64" and found.startswith("float"):
        return T("Class labels must be int64 (long): CrossEntropyLoss takes class indices, not floats.",
                 "类别标签必须是 int64（long）：CrossEntropyLoss 接收的是类别下标，而不是浮点数。")
    if wanted == "int64" and found == "int32":
        # said of the result, not of the input: the labels may have come in as int64 and been made int32
        return T("Your labels are int32, but class labels must be int64 (long), which CrossEntropyLoss expects: "
                 "convert them with .astype(np.int64) or .long(), whatever dtype they come in.",
                 "你的标签是 int32，但类别标签必须是 int64（long），这是 CrossEntropyLoss 需要的："
                 "无论传进来是什么 dtype，都用 .astype(np.int64) 或 .long() 转换。")
    return None


@suite.case("to_tensor of the notes' [[1, 2, 3], [4, 5, 6]] is int64", "to_tensor 作用在笔记中的 [[1, 2, 3], [4, 5, 6]] 上得到 int64",
            diagnose=legacy_constructor, hint=FROM_NUMPY)
def tensor_notes(m):
    return m.to_tensor(np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))


@suite.case("to_tensor keeps float64", "to_tensor 保持 float64", diagnose=legacy_constructor, hint=FROM_NUMPY)
def tensor_double(m):
    return m.to_tensor(np.random.randn(3, 4))


@suite.case("to_tensor shares memory with the array", "to_tensor 与数组共享内存", hint=FROM_NUMPY)
def tensor_shared(m):
    array = np.zeros(4, dtype=np.float32)
    t = m.to_tensor(array)
    array[1] = 7.0
    return {"your tensor after array[1] = 7.0 (shared memory shows the change)": t}


@suite.case("to_array of a float32 tensor is a float32 ndarray", "float32 张量经 to_array 得到 float32 的 ndarray",
            hint=T("Return t.numpy() (after detach()); a list or a tensor is not a NumPy array.",
                   "返回 t.numpy()（先 detach()）；列表或张量都不是 NumPy 数组。"))
def array_basic(m):
    return array_facts(m.to_array(torch.randn(2, 5)))


@suite.case("to_array shares memory with the tensor", "to_array 与张量共享内存", hint=DETACH_NUMPY)
def array_shared(m):
    t = torch.zeros(2, 3)
    array = m.to_array(t)
    t[0, 0] = 100.0
    return {"your array after t[0, 0] = 100.0 (shared memory shows the change)": array}


@suite.case("to_array of a tensor that requires grad", "对需要梯度的张量调用 to_array", hint=DETACH_NUMPY)
def array_grad(m):
    t = torch.randn(4, requires_grad=True)
    facts = array_facts(m.to_array(t))
    facts["t still requires grad"] = t.requires_grad
    return facts


@suite.case("classification_tensors: float64 features become float32, int64 labels stay int64",
            "classification_tensors：float64 的特征变成 float32，int64 的标签保持 int64", diagnose=data_dtypes)
def classify_basic(m):
    return m.classification_tensors(np.random.randn(6, 4), np.random.randint(0, 3, size=6).astype(np.int64))


@suite.case("classification_tensors turns int32 labels into int64", "classification_tensors 把 int32 的标签变成 int64",
            diagnose=data_dtypes,
            hint=T("Convert the labels every time, whatever dtype they come in: .astype(np.int64).",
                   "无论标签传进来是什么 dtype，都转换一次：.astype(np.int64)。"))
def classify_int32(m):
    return m.classification_tensors(np.random.randn(5, 2), np.array([0, 2, 1, 1, 0], dtype=np.int32))


@suite.case("classification_tensors turns float labels such as 2.0 into int64",
            "classification_tensors 把 2.0 这样的浮点标签变成 int64", diagnose=data_dtypes)
def classify_float_labels(m):
    return m.classification_tensors(np.random.randn(4, 3), np.array([2.0, 0.0, 1.0, 2.0]))


@suite.case("regression_tensors on the diabetes data: float32 features and targets",
            "regression_tensors 作用在 diabetes 数据上：float32 的特征与目标值", diagnose=data_dtypes,
            hint=T("Targets of a regression are floats too: float32, shape (442,) unchanged.",
                   "回归的目标值也是浮点数：float32，形状 (442,) 保持不变。"))
def regression_diabetes(m):
    # The notes use the Boston data, which scikit-learn no longer ships; diabetes is bundled.
    return m.regression_tensors(*datasets.load_diabetes(return_X_y=True))


@suite.case("iris_tensors gives (150, 4) float32 features and (150,) int64 labels",
            "iris_tensors 得到 (150, 4) 的 float32 特征和 (150,) 的 int64 标签", diagnose=data_dtypes,
            hint=T("features, labels = load_iris(return_X_y=True); return classification_tensors(features, labels).",
                   "features, labels = load_iris(return_X_y=True)；return classification_tensors(features, labels)。"))
def iris(m):
    return m.iris_tensors()


@suite.case("a DataLoader over the iris tensors gives the notes' (10, 4) and (10,) batches",
            "iris 张量经 DataLoader 得到笔记中的 (10, 4) 和 (10,) 批次", diagnose=data_dtypes)
def iris_loader(m):
    features, labels = next(iter(data.DataLoader(data.TensorDataset(*m.iris_tensors()), batch_size=10, shuffle=False)))
    return {"b_x": features, "b_y": labels}
