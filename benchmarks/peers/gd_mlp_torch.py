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

M64 = (1 << 64) - 1


def splitmix64(state, n):
    out = np.empty(n, dtype=np.uint64)
    s = state
    for k in range(n):
        s = (s + 0x9E3779B97F4A7C15) & M64
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        out[k] = z ^ (z >> 31)
    return out, s


threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
torch.set_num_threads(threads)
raw = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)[:1000]
X = torch.from_numpy(raw[:, :64] / 16.0)
Y = torch.from_numpy(np.eye(10)[raw[:, 64].astype(int)])
N = X.shape[0]
sizes = [64, 128, 128, 10]
state = 42
params = []
for i in range(3):
    n = sizes[i] * sizes[i + 1]
    z, state = splitmix64(state, n)
    u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    W = ((2 * u - 1) * np.sqrt(3.0 / sizes[i])).reshape(sizes[i], sizes[i + 1])
    params.append(torch.tensor(W, dtype=torch.float64, requires_grad=True))
    params.append(torch.zeros(sizes[i + 1], dtype=torch.float64, requires_grad=True))


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
