"""Peer of `gfgd bench gd-mlp`: the digits MLP 64-128-128-10 (ReLU, biases), full-batch GD, float64, PyTorch.

Same data, bit-exact SplitMix64 init (seed 42), loss, step (0.001) and 2000 steps as the workload;
the gradient by autograd (loss.backward()), the update in place under torch.no_grad().
Usage: python3 gd_mlp_torch.py DIGITS_CSV [THREADS]   (prints one JSON line; THREADS default 1)
With 2 threads set OMP_WAIT_POLICY=PASSIVE in the environment: on 2 cores PyTorch's OpenMP pool and
its BLAS's pool otherwise spin against each other.
"""
import json, sys, time
import numpy as np
import torch

from digits_mlp import SIZES, data, weights

threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
torch.set_num_threads(threads)
x, y = data(sys.argv[1])
X, Y = torch.from_numpy(x), torch.from_numpy(y)
N = X.shape[0]
params = []
for W, n in zip(weights(), SIZES[1:]):
    params.append(torch.tensor(W, dtype=torch.float64, requires_grad=True))
    params.append(torch.zeros(n, dtype=torch.float64, requires_grad=True))


def loss_fn():
    W1, b1, W2, b2, W3, b3 = params
    H1 = torch.relu(X @ W1 + b1)
    H2 = torch.relu(H1 @ W2 + b2)
    F = H2 @ W3 + b3
    R = F - Y
    return 0.5 * torch.sum(R * R) / N


def step():
    for p in params:
        p.grad = None
    loss_fn().backward()
    with torch.no_grad():
        for p in params:
            p.sub_(0.001 * p.grad)


with torch.no_grad():
    L0 = loss_fn().item()
for _ in range(5):
    for p in params:
        p.grad = None
    loss_fn().backward()
start = time.perf_counter()
for _ in range(2000):
    step()
seconds = time.perf_counter() - start
with torch.no_grad():
    L1 = loss_fn().item()
print(json.dumps({"peer": "torch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                  "steps": 2000, "seconds": seconds, "stepsPerSecond": 2000 / seconds,
                  "lossInit": L0, "lossFinal": L1}))
