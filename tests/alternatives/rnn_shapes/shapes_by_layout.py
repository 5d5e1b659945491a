# Shapes from the two layouts; the last hidden state read from h_n (last layer), batched or not.
import torch


def rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1, batch_first=False, bidirectional=False):
    directions = 2 if bidirectional else 1
    if batch_first:
        x_shape, out_shape = (batch, seq_len, input_size), (batch, seq_len, directions * hidden_size)
    else:
        x_shape, out_shape = (seq_len, batch, input_size), (seq_len, batch, directions * hidden_size)
    state = (directions * num_layers, batch, hidden_size)
    return {"input": x_shape, "h_0": state, "output": out_shape, "h_n": state}


def last_hidden(rnn, x):
    _, h_n = rnn(x)
    return h_n[-1]


def to_batch_first(x):
    return x.transpose(0, 1).contiguous()
