"""learn: PyTorch exercises graded by a judge that understands tensors."""

__version__ = "0.1.0"
