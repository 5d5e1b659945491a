"""Checks for exercises/01_tensors/tensor_create.py."""

from __future__ import annotations

from grader.checks import TORCH_AND_DYNAMO, Suite, T, lazy

torch = lazy("torch")

suite = Suite("tensor_create", names=("identity", "zeros_grid", "arange_cube", "zeros_of_type"), needs=TORCH_AND_DYNAMO)

TYPE_NAMES = ("FloatTensor", "DoubleTensor", "ShortTensor", "IntTensor", "LongTensor")

ON_THE_DEVICE = T(
    "Pass the device on to the creation function: torch.eye(..., device=device), torch.zeros(..., device=device).",
    "把 device 传给创建张量的函数：torch.eye(..., device=device)、torch.zeros(..., device=device)。",
)


def _dtype(value) -> str | None:
    return getattr(value, "dtype", None)


def numpy_float64(got, expected):
    """float64 where float32 was expected: NumPy's default dtype leaked in."""
    if _dtype(got) == "float64" and _dtype(expected) == "float32":
        return T("float64 is NumPy's default (np.zeros, np.eye); PyTorch's torch.zeros and torch.eye give float32.",
                 "float64 是 NumPy 的默认类型（np.zeros、np.eye）；PyTorch 的 torch.zeros 和 torch.eye 给出的是 float32。")
    return None


def float_arange(got, expected):
    """A float arange: the learner passed 16.0 or asked for a float dtype."""
    if _dtype(expected) == "int64" and _dtype(got) in ("float32", "float64"):
        return T("torch.arange(16) gives int64; a float argument such as 16.0 (or dtype=torch.float) makes floats.",
                 "torch.arange(16) 得到 int64；浮点参数（例如 16.0）或 dtype=torch.float 才会得到浮点数。")
    return None


# What each wrong dtype usually means, per legacy type name.
TYPE_MISTAKES: dict[tuple[str, str | None], T] = {
    ("IntTensor", "int64"): T(
        "IntTensor is 32-bit (torch.int32, also called torch.int); 64-bit integers are LongTensor (torch.int64 / torch.long).",
        "IntTensor 是 32 位的（torch.int32，也写作 torch.int）；64 位整数是 LongTensor（torch.int64 / torch.long）。"),
    ("LongTensor", "int32"): T(
        "LongTensor is 64-bit (torch.int64 / torch.long); torch.int is only 32-bit.",
        "LongTensor 是 64 位的（torch.int64 / torch.long）；torch.int 只有 32 位。"),
    ("DoubleTensor", "float32"): T(
        "DoubleTensor is 64-bit floating point (torch.float64 / torch.double); torch.float is 32-bit.",
        "DoubleTensor 是 64 位浮点数（torch.float64 / torch.double）；torch.float 是 32 位。"),
    ("FloatTensor", "float64"): T(
        "FloatTensor is 32-bit (torch.float32 / torch.float), not Python's float-sized float64.",
        "FloatTensor 是 32 位的（torch.float32 / torch.float），而不是与 Python float 同样大小的 float64。"),
    ("ShortTensor", "int32"): T(
        "ShortTensor is 16-bit (torch.int16 / torch.short).", "ShortTensor 是 16 位的（torch.int16 / torch.short）。"),
}


def type_mistake(got, expected):
    if not isinstance(got, dict) or not isinstance(expected, dict):
        return None
    for name in TYPE_NAMES:
        found = TYPE_MISTAKES.get((name, _dtype(got.get(name))))
        if found and _dtype(expected.get(name)) != _dtype(got.get(name)):
            return found
    return None


@suite.case("identity(4) is the notes' 4x4 identity, float32", "identity(4) 是笔记中的 4x4 单位矩阵，float32",
            diagnose=numpy_float64,
            hint=T("torch.eye(4) makes it; do not pass a dtype: the default is float32.",
                   "用 torch.eye(4) 创建；不要指定 dtype：默认就是 float32。"))
def identity_notes(m):
    return m.identity(4)


@suite.case("identity(3, 5) is a 3x5 matrix with ones on the diagonal", "identity(3, 5) 是对角线为 1 的 3x5 矩阵",
            hint=T("torch.eye(n, m) makes an n x m matrix; use n for m only when m is None.",
                   "torch.eye(n, m) 创建 n x m 矩阵；只有 m 为 None 时才让 m 等于 n。"))
def identity_rectangle(m):
    return m.identity(3, 5)


@suite.case("identity is created on the requested device (meta)", "identity 创建在指定的设备（meta）上", hint=ON_THE_DEVICE)
def identity_meta(m):
    return m.identity(4, device=torch.device("meta"))


@suite.case("zeros_grid(4, 4) is the notes' float32 grid of zeros", "zeros_grid(4, 4) 是笔记中的 float32 全零矩阵",
            diagnose=numpy_float64)
def zeros_notes(m):
    return m.zeros_grid(4, 4)


@suite.case("zeros_grid(0, 3) is empty but still (0, 3)", "zeros_grid(0, 3) 是空的，但形状仍是 (0, 3)",
            diagnose=numpy_float64)
def zeros_empty(m):
    return m.zeros_grid(0, 3)


@suite.case("zeros_grid is created on the requested device (meta)", "zeros_grid 创建在指定的设备（meta）上",
            hint=ON_THE_DEVICE)
def zeros_meta(m):
    return m.zeros_grid(2, 7, device=torch.device("meta"))


@suite.case("arange_cube() is the notes' (2, 2, 4) int64 tensor of 0..15",
            "arange_cube() 是笔记中由 0..15 组成的 (2, 2, 4) int64 张量", diagnose=float_arange,
            hint=T("torch.arange(total).reshape(blocks, rows, -1): -1 becomes 16 / (2 * 2) = 4.",
                   "torch.arange(total).reshape(blocks, rows, -1)：-1 会被推算为 16 / (2 * 2) = 4。"))
def cube_notes(m):
    return m.arange_cube()


@suite.case("arange_cube(24, blocks=2, rows=3) infers the last size 4", "arange_cube(24, blocks=2, rows=3) 推算出最后一维为 4",
            diagnose=float_arange,
            hint=T("Use the blocks and rows arguments, not the notes' fixed (2, 2, -1).",
                   "使用参数 blocks 和 rows，不要照搬笔记中固定的 (2, 2, -1)。"))
def cube_other(m):
    return m.arange_cube(24, blocks=2, rows=3)


@suite.case("arange_cube(15) cannot be split: RuntimeError", "arange_cube(15) 无法整除：RuntimeError",
            hint=T("15 numbers do not fill (2, 2, ?): let reshape raise its RuntimeError instead of padding or cutting.",
                   "15 个数填不满 (2, 2, ?)：让 reshape 抛出它的 RuntimeError，不要补齐或截断。"))
def cube_uneven(m):
    # Caught here rather than returned as an error result: NotImplementedError is a
    # RuntimeError too, and the untouched starter must not pass this case.
    try:
        m.arange_cube(15)
    except NotImplementedError:
        raise
    except RuntimeError:
        return {"error raised": "RuntimeError"}
    return {"error raised": "nothing"}


@suite.case("zeros_of_type gives the dtype behind each of the five type names",
            "zeros_of_type 对五个类型名分别给出对应的 dtype", diagnose=type_mistake,
            hint=T("Float/Double are 32/64-bit floats; Short/Int/Long are 16/32/64-bit integers.",
                   "Float/Double 是 32/64 位浮点数；Short/Int/Long 是 16/32/64 位整数。"))
def type_names(m):
    return {name: m.zeros_of_type(2, 3, name) for name in TYPE_NAMES}


@suite.case("zeros_of_type rejects an unknown name with ValueError", "zeros_of_type 遇到未知的名字时抛出 ValueError",
            hint=T("Check the name against your table first and raise ValueError(...) when it is not there.",
                   "先在你的对照表里查这个名字，查不到就 raise ValueError(...)。"))
def type_unknown(m):
    return m.zeros_of_type(2, 2, "HalfTensor")
