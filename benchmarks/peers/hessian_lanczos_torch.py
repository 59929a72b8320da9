"""Peer of `gfgd bench hessian-lanczos`: Lanczos on the digits MLP's Hessian at init, PyTorch float64.

Hessian-vector products by double backward, PyHessian style (the gradient is taken once with
create_graph=True; each product is torch.autograd.grad(grads, params, v)). Same data (first 1000 digits,
x = pixel/16, one-hot targets), network 64-128-128-10 (ReLU, biases, loss 1/(2N) sum ||F - Y||^2),
bit-exact SplitMix64 init (seed 42), start vector Rademacher from SplitMix64 state 7 (entry k is +1 if
u_k < 0.5, else -1) in gfgd's parameter order [W1, b1, W2, b2, W3, b3] (W row-major, fan_in x fan_out),
and the same Lanczos as gfgd: 100 steps, full reorthogonalisation (classical Gram-Schmidt twice), the
extreme Ritz values of the tridiagonal matrix (numpy eigh), and the Ritz residuals ||H y - theta y|| by
two more products. Then, for 64-16-16-10 (1482 parameters): the dense Hessian (one product per
column), its spectrum by numpy's eigvalsh, and the same Lanczos.

Usage: python3 hessian_lanczos_torch.py DIGITS_CSV [THREADS]   (prints one JSON line)
"""
import json, sys, time
import numpy as np
import torch

M64 = (1 << 64) - 1
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
torch.set_default_dtype(torch.float64)


def splitmix64_uniform(state, n):
    """n uniforms u_k = (z_k >> 11) 2^-53 and the new state (pure Python: bit-exact)."""
    out = np.empty(n)
    s = state
    for k in range(n):
        s = (s + 0x9E3779B97F4A7C15) & M64
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        out[k] = (z >> 11) * 2.0 ** -53
    return out, s


raw = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)[:1000]
X = torch.tensor(raw[:, :64] / 16.0)
Y = torch.tensor(np.eye(10)[raw[:, 64].astype(int)])
N = X.shape[0]


def make(sizes):
    params, state = [], 42
    for i in range(len(sizes) - 1):
        u, state = splitmix64_uniform(state, sizes[i] * sizes[i + 1])
        W = ((2 * u - 1) * np.sqrt(3.0 / sizes[i])).reshape(sizes[i], sizes[i + 1])
        params.append(torch.tensor(W, requires_grad=True))
        params.append(torch.zeros(sizes[i + 1], requires_grad=True))
    return params


def loss(params):
    h = X
    L = len(params) // 2
    for l in range(L):
        h = h @ params[2 * l] + params[2 * l + 1]
        if l < L - 1:
            h = torch.relu(h)
    r = h - Y
    return 0.5 * (r * r).sum() / N


def hvp_operator(params):
    grads = torch.autograd.grad(loss(params), params, create_graph=True)
    shapes = [p.shape for p in params]
    sizes = [p.numel() for p in params]

    def hv(v):
        vs = [t.reshape(s) for t, s in zip(torch.split(v, sizes), shapes)]
        out = torch.autograd.grad(grads, params, grad_outputs=vs, retain_graph=True)
        return torch.cat([o.reshape(-1) for o in out]).detach()
    return hv, sum(sizes)


def lanczos(hv, d, steps, seed=7, breakdown=1e-13):
    k = min(steps, d)
    u, state = splitmix64_uniform(seed, d)
    q0 = torch.tensor(np.where(u < 0.5, 1.0, -1.0))
    Q = torch.zeros(k, d)
    Q[0] = q0 / q0.norm()
    alpha, beta = np.zeros(k), np.zeros(k)
    scale = 0.0
    for j in range(k):
        w = hv(Q[j])
        alpha[j] = float(Q[j] @ w)
        scale = max(scale, abs(alpha[j]))
        if j + 1 == k:
            break
        for _ in range(2):
            w = w - Q[:j + 1].T @ (Q[:j + 1] @ w)
        b = float(w.norm())
        scale = max(scale, b)
        if b <= breakdown * scale:   # invariant subspace: restart from the next Rademacher vector
            u, state = splitmix64_uniform(state, d)
            w = torch.tensor(np.where(u < 0.5, 1.0, -1.0))
            w = w / w.norm()
            for _ in range(2):
                w = w - Q[:j + 1].T @ (Q[:j + 1] @ w)
            b, beta[j] = float(w.norm()), 0.0
        else:
            beta[j] = b
        Q[j + 1] = w / b
    T = np.diag(alpha) + np.diag(beta[:k - 1], 1) + np.diag(beta[:k - 1], -1)
    vals, vecs = np.linalg.eigh(T)
    res = []
    for i in (0, k - 1):
        y = Q.T @ torch.tensor(vecs[:, i])
        y = y / y.norm()
        res.append(float((hv(y) - vals[i] * y).norm()))
    return vals[0], vals[-1], k, res[0], res[1]


out = {"workload": "hessian-lanczos", "peer": "torch " + torch.__version__, "threads": torch.get_num_threads()}
params = make([64, 128, 128, 10])
hv, d = hvp_operator(params)
for _ in range(5):
    hv(torch.ones(d) / d ** 0.5)
t0 = time.perf_counter()
# the gradient graph is rebuilt inside the timing, as gfgd's products recompute the forward pass
hv, d = hvp_operator(params)
lmin, lmax, k, rmin, rmax = lanczos(hv, d, 100)
out.update(parameters=d, steps=k, lambdaMin=lmin, lambdaMax=lmax, ritzResidualMin=rmin, ritzResidualMax=rmax,
           seconds=time.perf_counter() - t0)

small = make([64, 16, 16, 10])
hvs, ds = hvp_operator(small)
t0 = time.perf_counter()
H = torch.stack([hvs(e) for e in torch.eye(ds)]).numpy()
hessian_seconds = time.perf_counter() - t0
t0 = time.perf_counter()
ev = np.linalg.eigvalsh(0.5 * (H + H.T))
eig_seconds = time.perf_counter() - t0
t0 = time.perf_counter()
smin, smax, _, srmin, _ = lanczos(hvs, ds, 100)
out.update(smallParameters=ds, smallDenseMin=float(ev[0]), smallDenseMax=float(ev[-1]),
           smallHessianSeconds=hessian_seconds, smallEigSeconds=eig_seconds, smallLanczosMin=smin, smallLanczosMax=smax,
           smallLanczosRitzResidualMin=srmin, smallLanczosSeconds=time.perf_counter() - t0)
print(json.dumps(out))
