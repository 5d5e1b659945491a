# expect: x.requires_grad: expected False, got True
def quadratic_grad(x):
    x.requires_grad_(True)
    (x**2 + 2 * x + 1).sum().backward()
    return x.grad


def weighted_grad(x, weights):
    leaf = x.detach().clone().requires_grad_(True)
    (2 * leaf).backward(weights)
    return leaf.grad
