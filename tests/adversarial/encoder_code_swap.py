# exercise: reshape_squeeze_cat
# expect: did not reach the grader
# Right shapes, wrong values, and the grader's tensor encoder rewritten in place (its __code__ swapped, so the
# function object stays the same) to leave the values out: a record without evidence must not pass.
import torch

import grader.record


def _without_values(tensor, depth=0):
    import torch as t

    base = t.Tensor
    return {"kind": "parameter" if isinstance(tensor, t.nn.Parameter) else "tensor",
            "shape": list(base.size(tensor)), "dtype": str(tensor.dtype).replace("torch.", ""),
            "device": str(tensor.device), "requires_grad": bool(tensor.requires_grad),
            "is_leaf": bool(tensor.is_leaf), "grad_fn": None, "data": None, "grad": None}


grader.record.encode_tensor.__code__ = _without_values.__code__


def concat(tensors, dim=0):
    return torch.cat(tuple(tensors), dim=dim) * 0 + 7


def insert_axis(t, dim):
    return t.unsqueeze(dim) * 0 + 7


def drop_channel_axis(images):
    return images.squeeze(1) * 0 + 7


def to_matrix(t, rows):
    return t.reshape(rows, -1) * 0 + 7
