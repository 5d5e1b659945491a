"""Embeddings: integer indices and a padding row / 词嵌入：整数索引与填充行

English
-------
nn.Embedding(num_embeddings, embedding_dim, padding_idx=None) is a lookup
table (the notes: mostly used in natural language processing). Its weight has
shape (num_embeddings, embedding_dim), and row i is the vector of token i.
Calling it with a tensor of token numbers of any shape S gives a tensor of
shape S + (embedding_dim,).

- The indices are row numbers, so they must be integers: a float tensor
  raises "Expected tensor for argument #1 'indices' to have one of the
  following scalar types: Long, Int". Convert with tokens.long().
- A token number outside 0 .. num_embeddings - 1 (negative ones too) raises
  IndexError: let nn.Embedding raise it, never clamp or wrap the numbers.
- padding_idx marks the row used to fill short sequences up to a common
  length: that row starts as zeros and never receives a gradient.

Write:

1. `make_embedding(vocab_size, dim, padding_idx=0)`: an nn.Embedding with
   vocab_size rows of dim numbers whose padding row is padding_idx.
2. `embed(embedding, tokens)`: the vectors of `tokens`, a tensor of token
   numbers that may be stored as floats (as when read from a CSV file).
3. `mean_embedding(embedding, tokens)`: tokens has shape (batch, seq_len)
   and is filled with embedding.padding_idx after each sequence's real tokens.
   Return (batch, embedding_dim): for each sequence, the mean of the vectors
   of its tokens that are not padding. A sequence made only of padding gives
   a zero vector (not nan). Gradients flow back to embedding.weight.

      >>> e = make_embedding(10, 4)
      >>> mean_embedding(e, torch.tensor([[3, 5, 0, 0]])).shape
      torch.Size([1, 4])

中文
----
nn.Embedding(num_embeddings, embedding_dim, padding_idx=None) 是一张查找表（笔记里提到，它多用于自然语言处理）。
它的 weight 形状为 (num_embeddings, embedding_dim)，第 i 行就是第 i 个词的向量。
用任意形状 S 的词编号张量调用它，得到形状为 S + (embedding_dim,) 的张量。

- 索引是行号，所以必须是整数：传入浮点张量会报错 "Expected tensor for argument #1
  'indices' to have one of the following scalar types: Long, Int"。请先用 tokens.long() 转换。
- 不在 0 .. num_embeddings - 1 范围内的编号（包括负数）会抛出 IndexError：让 nn.Embedding
  自己抛出，绝不要用 clamp 截断或绕回编号。
- padding_idx 指定用来把短序列补齐到相同长度的那一行：这一行初始为全 0，并且永远不会得到梯度。

请实现：

1. `make_embedding(vocab_size, dim, padding_idx=0)`：返回一个有 vocab_size 行、每行 dim 个数的
   nn.Embedding，填充行为 padding_idx。
2. `embed(embedding, tokens)`：返回 `tokens` 的向量；`tokens` 是词编号张量，可能以浮点数存储
   （例如从 CSV 文件读入时）。
3. `mean_embedding(embedding, tokens)`：tokens 形状为 (batch, seq_len)，每个序列的真实词之后
   用 embedding.padding_idx 补齐。返回 (batch, embedding_dim)：每个序列中非填充词向量的平均值。
   全部是填充的序列得到零向量（而不是 nan）。梯度要能传回 embedding.weight。

      >>> e = make_embedding(10, 4)
      >>> mean_embedding(e, torch.tensor([[3, 5, 0, 0]])).shape
      torch.Size([1, 4])

Check your work / 检查：  learn check embedding_layer
"""

import torch
from torch import nn


def make_embedding(vocab_size: int, dim: int, padding_idx: int = 0) -> nn.Embedding:
    # TODO: an nn.Embedding whose padding row is padding_idx.
    # TODO：创建填充行为 padding_idx 的 nn.Embedding。
    raise NotImplementedError("make_embedding")


def embed(embedding: nn.Embedding, tokens: torch.Tensor) -> torch.Tensor:
    # TODO: convert the token numbers to integers, then look them up.
    # TODO：先把词编号转换为整数，再查表。
    raise NotImplementedError("embed")


def mean_embedding(embedding: nn.Embedding, tokens: torch.Tensor) -> torch.Tensor:
    # TODO: average the vectors of the tokens that are not embedding.padding_idx.
    # TODO：对不等于 embedding.padding_idx 的词向量求平均。
    raise NotImplementedError("mean_embedding")
