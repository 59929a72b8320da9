"""The digits MLP of workloads gd-mlp and hessian-lanczos (WORKLOADS.md), shared by the peer scripts:
the first 1000 digits (x = pixel / 16, one-hot targets) and the bit-exact SplitMix64 initialisation."""
import numpy as np

M64 = (1 << 64) - 1
SIZES = [64, 128, 128, 10]


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


def data(csv, n=1000):
    """(X, Y): the first n rows, inputs scaled by 1/16, targets one-hot."""
    raw = np.loadtxt(csv, delimiter=",", skiprows=1)[:n]
    return raw[:, :64] / 16.0, np.eye(10)[raw[:, 64].astype(int)]


def weights(sizes=SIZES, seed=42):
    """W_1..W_L (fan_in x fan_out) from one SplitMix64 stream, (2u - 1) sqrt(3 / fan_in)."""
    state = seed
    ws = []
    for i in range(len(sizes) - 1):
        z, state = splitmix64(state, sizes[i] * sizes[i + 1])
        u = (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        ws.append(((2 * u - 1) * np.sqrt(3.0 / sizes[i])).reshape(sizes[i], sizes[i + 1]))
    return ws
