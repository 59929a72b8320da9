"""Peer of `gfgd bench gf-taylor`: mpmath's odefun (Taylor method) at dps = 30 on the deep linear workload.

Gradient flow theta' = -grad L of L = 1/(2m) sum_i (W3 W2 W1 x_i - y_i)^2 from the workload's theta0 to t = 5.
Usage: python3 gf_taylor_mpmath.py DATA_CSV INIT_CSV [DPS]   (prints one JSON line)
"""
import csv, json, sys, time
import mpmath as mp

data_csv, init_csv = sys.argv[1], sys.argv[2]
mp.mp.dps = int(sys.argv[3]) if len(sys.argv) > 3 else 30

rows = list(csv.reader(open(data_csv)))[1:]
X = [[mp.mpf(v) for v in r[:5]] for r in rows]
Y = [mp.mpf(r[5]) for r in rows]
m = len(rows)
theta0 = [mp.mpf(r[4]) for r in list(csv.reader(open(init_csv)))[1:]]


def unpack(t):
    W1 = [t[5 * i:5 * i + 5] for i in range(4)]
    W2 = [t[20 + 4 * i:20 + 4 * i + 4] for i in range(3)]
    W3 = t[32:35]
    return W1, W2, W3


def loss(t):
    W1, W2, W3 = unpack(t)
    s = mp.mpf(0)
    for x, y in zip(X, Y):
        h1 = [mp.fsum(W1[i][k] * x[k] for k in range(5)) for i in range(4)]
        h2 = [mp.fsum(W2[i][k] * h1[k] for k in range(4)) for i in range(3)]
        s += (mp.fsum(W3[k] * h2[k] for k in range(3)) - y) ** 2
    return s / (2 * m)


def field(_, t):
    W1, W2, W3 = unpack(t)
    g1 = [[mp.mpf(0)] * 5 for _ in range(4)]
    g2 = [[mp.mpf(0)] * 4 for _ in range(3)]
    g3 = [mp.mpf(0)] * 3
    for x, y in zip(X, Y):
        h1 = [mp.fsum(W1[i][k] * x[k] for k in range(5)) for i in range(4)]
        h2 = [mp.fsum(W2[i][k] * h1[k] for k in range(4)) for i in range(3)]
        r = (mp.fsum(W3[k] * h2[k] for k in range(3)) - y) / m
        for k in range(3):
            g3[k] += r * h2[k]
        d2 = [r * W3[i] for i in range(3)]
        for i in range(3):
            for k in range(4):
                g2[i][k] += d2[i] * h1[k]
        d1 = [mp.fsum(d2[i] * W2[i][k] for i in range(3)) for k in range(4)]
        for i in range(4):
            for k in range(5):
                g1[i][k] += d1[i] * x[k]
    flat = [v for row in g1 for v in row] + [v for row in g2 for v in row] + g3
    return [-v for v in flat]


start = time.perf_counter()
sol = mp.odefun(field, 0, theta0)
theta5 = sol(5)
seconds = time.perf_counter() - start
print(json.dumps({"peer": "mpmath.odefun", "mpmath": mp.__version__, "dps": mp.mp.dps,
                  "seconds": seconds, "lossT": mp.nstr(loss(theta5), mp.mp.dps),
                  "theta": [mp.nstr(v, mp.mp.dps) for v in theta5]}))
