"""Peer of `gfgd bench gd-mlp`: the digits MLP 64-128-128-10 (ReLU, biases), full-batch GD, float64, numpy.

Same data, bit-exact SplitMix64 init (seed 42), loss, step (0.001) and 2000 steps as the workload.
Usage: python3 gd_mlp_numpy.py DIGITS_CSV   (prints one JSON line)
"""
import json, sys, time
import numpy as np

from digits_mlp import SIZES, data, weights

X, Y = data(sys.argv[1])
N = X.shape[0]
Ws = weights()
bs = [np.zeros(n) for n in SIZES[1:]]


def loss_and_grads(Ws, bs):
    Z1 = X @ Ws[0] + bs[0]; H1 = np.maximum(Z1, 0)
    Z2 = H1 @ Ws[1] + bs[1]; H2 = np.maximum(Z2, 0)
    F = H2 @ Ws[2] + bs[2]
    R = F - Y
    L = 0.5 * np.sum(R * R) / N
    dF = R / N
    g3 = H2.T @ dF; c3 = dF.sum(0)
    dZ2 = (dF @ Ws[2].T) * (Z2 > 0)
    g2 = H1.T @ dZ2; c2 = dZ2.sum(0)
    dZ1 = (dZ2 @ Ws[1].T) * (Z1 > 0)
    g1 = X.T @ dZ1; c1 = dZ1.sum(0)
    return L, [g1, g2, g3], [c1, c2, c3]


L0, _, _ = loss_and_grads(Ws, bs)
for _ in range(5):
    loss_and_grads(Ws, bs)
start = time.perf_counter()
for _ in range(2000):
    _, gW, gb = loss_and_grads(Ws, bs)
    for i in range(3):
        Ws[i] -= 0.001 * gW[i]
        bs[i] -= 0.001 * gb[i]
seconds = time.perf_counter() - start
L1, _, _ = loss_and_grads(Ws, bs)
print(json.dumps({"peer": "numpy", "numpy": np.__version__, "steps": 2000, "seconds": seconds,
                  "stepsPerSecond": 2000 / seconds, "lossInit": float(L0), "lossFinal": float(L1)}))
