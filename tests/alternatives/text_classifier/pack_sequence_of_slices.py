"""pack_sequence over the real tokens of each sentence."""

from torch import nn
from torch.nn.utils.rnn import pack_sequence


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_size, num_classes, padding_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_dim, padding_idx=padding_idx)
        self.lstm = nn.LSTM(input_size=embed_dim, hidden_size=hidden_size, batch_first=True)
        self.head = nn.Linear(in_features=hidden_size, out_features=num_classes)

    def forward(self, tokens, lengths):
        pieces = [self.embedding(tokens[i, :n]) for i, n in enumerate(lengths.tolist())]
        _, state = self.lstm(pack_sequence(pieces, enforce_sorted=False))
        return self.head(state[0][-1])
