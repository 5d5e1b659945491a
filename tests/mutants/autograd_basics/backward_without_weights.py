# expect: grad can be implicitly created only for scalar outputs
def quadratic_grad(x):
    leaf = x.detach().clone().requires_grad_(True)
    (leaf**2 + 2 * leaf + 1).sum().backward()
    return leaf.grad


def weighted_grad(x, weights):
    leaf = x.detach().clone().requires_grad_(True)
    (2 * leaf).backward()
    return leaf.grad
