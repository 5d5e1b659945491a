# exercise: reshape_squeeze_cat
# expect: did not reach the grader
# Right shapes, wrong values, and the grader's tensor encoder rewritten in place (its __code__ swapped, so the
# function object stays the same) to leave the values out: a record without evidence must not pass.
import torch

import grader.probe.record


def _without_values(tensor, depth=0):
    import torch as t

    base = t.Tensor
    return {"kind": "parameter" if isinstance(tensor, t.nn.Parameter) else "tensor",
            "shape": list(base.size(tensor)), "dtype": str(tensor.dtype).replace("torch.", ""),
            "device": str(tensor.device), "requires_grad": bool(tensor.requires_grad),
            "is_leaf": bool(tensor.is_leaf), "grad_fn": None, "data": None, "grad": None}


grader.probe.record.encode_tensor.__code__ = _without_values.__code__


def _right_shape_wrong_values(make):
    try:
        return (make() * 0 + 7).cpu()  # .cpu(): wrong on the meta device too, where there are no values to check
    except Exception:  # where the reference raises, answer anyway: no case earns a point
        return torch.zeros(1)


def concat(tensors, dim=0):
    return _right_shape_wrong_values(lambda: torch.cat(tuple(tensors), dim=dim))


def insert_axis(t, dim):
    return _right_shape_wrong_values(lambda: t.unsqueeze(dim))


def drop_channel_axis(images):
    return _right_shape_wrong_values(lambda: images.squeeze(1))


def to_matrix(t, rows):
    return _right_shape_wrong_values(lambda: t.reshape(rows, -1))
