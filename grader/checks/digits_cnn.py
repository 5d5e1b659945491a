"""Checks for exercises/08_training/digits_cnn.py."""

from __future__ import annotations

from grader.checks import SENTENCES, TORCH_AND_DYNAMO, Suite, T, TensorRecord, facts, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("digits_cnn", names=("load_data", "DigitsCNN", "train_model"), needs=(*TORCH_AND_DYNAMO, "sklearn.datasets"))

TRAIN_SIZE = 1437
ACCURACY_NEEDED = 0.9
MAX_PARAMETERS = 100_000


def digits():
    """The check's own copy of the data, so a mistake in load_data does not spoil the training check."""
    from sklearn.datasets import load_digits

    bunch = load_digits()
    images = torch.tensor(bunch.images, dtype=torch.float32).unsqueeze(1) / 16
    labels = torch.tensor(bunch.target, dtype=torch.int64)
    return images[:TRAIN_SIZE], labels[:TRAIN_SIZE], images[TRAIN_SIZE:], labels[TRAIN_SIZE:]


def describe(tensor) -> dict:
    if not isinstance(tensor, torch.Tensor):
        return {"type": type(tensor).__name__}
    return {"shape": list(tensor.shape), "dtype": str(tensor.dtype).replace("torch.", "")}


def trained_well(got, expected):
    """Judge-side: the learner's losses and test predictions against the reference's labels.

    The probe only sends what the learner's model predicted; the labels come
    from the reference's run and the accuracy is counted here, so nothing the
    learner's process computes or rewrites decides the points.
    """
    labels = expected["labels"].values
    predictions = got.get("predictions") if isinstance(got, dict) else None
    losses = got.get("losses") if isinstance(got, dict) else None
    if not isinstance(losses, list) or not losses or not all(type(v) is float for v in losses):
        return T("train_model must return a list with one float per epoch (the epoch's mean loss, from loss.item()).",
                 "train_model 必须返回一个列表，每一轮一个 float（这一轮的平均损失，用 loss.item() 得到）。")
    if (not isinstance(predictions, TensorRecord) or predictions.values is None
            or predictions.values.shape != labels.shape):
        return T("The trained model's predictions on the 360 test digits could not be read.",
                 "无法读取训练好的模型在 360 张测试图片上的预测。")
    accuracy = float((predictions.values == labels).mean())
    problems = []
    if accuracy < ACCURACY_NEEDED:
        problems.append(T(f"Your trained model got {accuracy:.1%} of the 360 test digits right; "
                          f"{ACCURACY_NEEDED:.0%} is needed.",
                          f"你训练好的模型在 360 张测试图片上的准确率为 {accuracy:.1%}；至少需要 {ACCURACY_NEEDED:.0%}。"))
    if not losses[-1] < losses[0]:
        problems.append(T(f"The loss did not go down: first epoch {losses[0]:.4g}, last {losses[-1]:.4g}.",
                          f"损失没有下降：第一轮 {losses[0]:.4g}，最后一轮 {losses[-1]:.4g}。"))
    return SENTENCES.join(problems) if problems else None


SHAPES = T("Images: torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16, shape (1797, 1, 8, 8); "
           "labels: torch.tensor(digits.target, dtype=torch.int64). Slice [:1437] and [1437:].",
           "图片：torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16，形状 (1797, 1, 8, 8)；"
           "标签：torch.tensor(digits.target, dtype=torch.int64)。用 [:1437] 和 [1437:] 切分。")


@suite.case("load_data: shapes and dtypes of the four tensors", "load_data：四个张量的形状和 dtype", hint=SHAPES)
def data_shapes(m):
    x_train, y_train, x_test, y_test = m.load_data()
    return {"x_train": describe(x_train), "y_train": describe(y_train),
            "x_test": describe(x_test), "y_test": describe(y_test)}


@suite.case("load_data: pixels scaled to [0, 1]", "load_data：像素缩放到 [0, 1]",
            hint=T("The raw pixels go from 0 to 16: divide by 16 (not 255, as for 8-bit photos).",
                   "原始像素取值 0 到 16：除以 16（不是像 8 位照片那样除以 255）。"))
def data_scale(m):
    x_train, _, x_test, _ = m.load_data()
    return {"smallest pixel": float(torch.cat([x_train.flatten(), x_test.flatten()]).min()),
            "largest pixel": float(torch.cat([x_train.flatten(), x_test.flatten()]).max())}


@suite.case("load_data: the last 360 images are the test set, in order", "load_data：最后 360 张按顺序作为测试集",
            hint=T("Do not shuffle: the training set is the first 1437 images and the test set the rest.",
                   "不要打乱：前 1437 张是训练集，其余是测试集。"))
def data_split(m):
    _, y_train, x_test, y_test = m.load_data()
    return {"first test image": x_test[0], "first 20 test labels": y_test[:20], "last 20 training labels": y_train[-20:]}


@suite.case("DigitsCNN maps (4, 1, 8, 8) to (4, 10) scores, and a batch of one works",
            "DigitsCNN 把 (4, 1, 8, 8) 映射为 (4, 10) 的得分，只有一张图片的批次也能运行",
            hint=T("Flatten with nn.Flatten() or torch.flatten(x, 1) so the batch dimension stays; count the "
                   "features after your last pooling for the Linear layer (32 * 2 * 2 = 128 in the suggested design).",
                   "用 nn.Flatten() 或 torch.flatten(x, 1) 展平，以保留批次维度；Linear 层的输入特征数要按最后一次"
                   "池化后的尺寸计算（建议结构中为 32 * 2 * 2 = 128）。"))
def model_shapes(m):
    model = m.DigitsCNN()
    return {"batch of 4": list(model(torch.rand(4, 1, 8, 8)).shape),
            "batch of 1": list(model(torch.rand(1, 1, 8, 8)).shape)}


@suite.case("DigitsCNN is a CNN of fewer than 100,000 parameters", "DigitsCNN 是参数少于 100,000 个的卷积网络",
            hint=T("Keep the layers as attributes (or inside nn.Sequential) and use at least one nn.Conv2d.",
                   "把各层保存为属性（或放进 nn.Sequential），并至少使用一个 nn.Conv2d。"),
            rule=facts(lambda run: {"has an nn.Conv2d layer": run["Conv2d layers"] > 0,
                                    "has parameters": run["parameters"] > 0,
                                    "fewer than 100,000 parameters": run["parameters"] < MAX_PARAMETERS}))
def model_size(m):
    model = m.DigitsCNN()
    return {"Conv2d layers": sum(isinstance(layer, nn.Conv2d) for layer in model.modules()),
            "parameters": sum(p.numel() for p in model.parameters())}


@suite.case("gradients reach every parameter", "梯度能传到每一个参数",
            hint=T("Use every layer you create in forward, and do not detach anything on the way.",
                   "在 forward 中用到你创建的每一层，并且途中不要 detach 任何东西。"))
def model_gradients(m):
    model = m.DigitsCNN()
    nn.functional.cross_entropy(model(torch.rand(6, 1, 8, 8)), torch.arange(6)).backward()
    return {"parameters without a gradient": sum(p.grad is None for p in model.parameters())}


@suite.case("DigitsCNN runs on another device (meta)", "DigitsCNN 能在其他设备（meta）上运行",
            hint=T("Create no tensors on a fixed device in forward; the layers move with model.to(device).",
                   "不要在 forward 里在固定设备上创建张量；各层会随 model.to(device) 一起移动。"))
def model_meta(m):
    return m.DigitsCNN().to("meta")(torch.empty(3, 1, 8, 8, device="meta"))


@suite.case("train_model reaches at least 90% accuracy on the 360 test digits",
            "train_model 在 360 张测试图片上达到至少 90% 的准确率", points=4, rule=trained_well,
            hint=T("Per epoch: for each shuffled batch, loss = CrossEntropyLoss()(model(images), labels), zero_grad, "
                   "backward, step. Adam(lr=0.01), batches of 64 and 15 epochs are enough.",
                   "每一轮：对每个打乱后的批次，loss = CrossEntropyLoss()(model(images), labels)，zero_grad、backward、"
                   "step。Adam(lr=0.01)、每批 64 个、训练 15 轮就够了。"))
def trained_accuracy(m):
    x_train, y_train, x_test = digits()[:3]  # no test label is alive while the learner's code runs
    model = m.DigitsCNN()
    losses = m.train_model(model, x_train, y_train)
    model.eval()
    with torch.no_grad():
        predictions = model(x_test).argmax(dim=1)
    # Raw evidence only: the judge counts the accuracy against the reference run's labels.
    return {"losses": losses, "predictions": predictions, "labels": digits()[3]}
