# expect: batch_first=True changes only input and output
def rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1, batch_first=False, bidirectional=False):
    d = 2 if bidirectional else 1
    if batch_first:
        return {"input": (batch, seq_len, input_size), "h_0": (batch, d * num_layers, hidden_size),
                "output": (batch, seq_len, d * hidden_size), "h_n": (batch, d * num_layers, hidden_size)}
    return {"input": (seq_len, batch, input_size), "h_0": (d * num_layers, batch, hidden_size),
            "output": (seq_len, batch, d * hidden_size), "h_n": (d * num_layers, batch, hidden_size)}


def last_hidden(rnn, x):
    return rnn(x)[1][-1]


def to_batch_first(x):
    return x.transpose(0, 1)
