# h_n's last layer with select(); batch-first through movedim.
def rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1, batch_first=False, bidirectional=False):
    layers = num_layers * (2 if bidirectional else 1)
    sequence = [seq_len, batch]
    if batch_first:
        sequence.reverse()
    return {
        "input": tuple(sequence + [input_size]),
        "h_0": (layers, batch, hidden_size),
        "output": tuple(sequence + [hidden_size * (2 if bidirectional else 1)]),
        "h_n": (layers, batch, hidden_size),
    }


def last_hidden(rnn, x):
    _, h_n = rnn(x)
    return h_n.select(0, h_n.shape[0] - 1)


def to_batch_first(x):
    return x.movedim(0, 1)
