# expect: reshape/view keep the memory order
def rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1, batch_first=False, bidirectional=False):
    d = 2 if bidirectional else 1
    hidden = (d * num_layers, batch, hidden_size)
    if batch_first:
        return {"input": (batch, seq_len, input_size), "h_0": hidden, "output": (batch, seq_len, d * hidden_size), "h_n": hidden}
    return {"input": (seq_len, batch, input_size), "h_0": hidden, "output": (seq_len, batch, d * hidden_size), "h_n": hidden}


def last_hidden(rnn, x):
    return rnn(x)[1][-1]


def to_batch_first(x):
    return x.reshape(x.shape[1], x.shape[0], x.shape[2])
