# expect: the 2*x term contributes 2
def quadratic_grad(x):
    return 2 * x


def weighted_grad(x, weights):
    return 2 * weights
