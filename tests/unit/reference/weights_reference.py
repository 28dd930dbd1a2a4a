#!/usr/bin/python3
"""Independent reference values for tests/unit/weights_test.cpp and
agreement_test.cpp. Standard library only, and deliberately different
algorithms from src/: the principal eigenvector by repeated squaring of the
matrix (not power iteration), geometric means as n-th roots of products (not
through logarithms), entropy through the ln S - sum(x ln x)/S identity, CRITIC
through the statistics module, Kendall's W through counting ranks (not a sort)
and, without ties, through the mean Spearman correlation, chi-squared tails
through the closed-form series, and quantization with exact fractions.
Run: python3 tests/unit/reference/weights_reference.py
"""
import math
import statistics
from fractions import Fraction

F = Fraction


def mat_mul(a, b):
    n = len(a)
    return [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]


def eigen_by_squaring(a):
    m = [row[:] for row in a]
    w = None
    for _ in range(60):
        m = mat_mul(m, m)
        total = sum(sum(r) for r in m)
        m = [[x / total for x in r] for r in m]  # rescale to keep numbers bounded
        nw = [sum(r) for r in m]
        s = sum(nw)
        nw = [x / s for x in nw]
        if w is not None and max(abs(x - y) for x, y in zip(nw, w)) < 1e-15:
            break
        w = nw
    n = len(a)
    lam = sum(sum(a[i][j] * w[j] for j in range(n)) for i in range(n))  # sum(Aw) with sum(w)=1
    return w, lam


def geometric(a):
    n = len(a)
    g = [math.prod(r) ** (1.0 / n) for r in a]
    s = sum(g)
    return [x / s for x in g]


def column_mean(a):
    n = len(a)
    cs = [sum(a[i][j] for i in range(n)) for j in range(n)]
    return [sum(a[i][j] / cs[j] for j in range(n)) / n for i in range(n)]


def lam_est(a, w):
    n = len(a)
    return sum(sum(a[i][j] * w[j] for j in range(n)) / w[i] for i in range(n)) / n


def recip(upper, n):
    a = [[1.0] * n for _ in range(n)]
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            a[i][j] = upper[k]
            a[j][i] = 1.0 / upper[k]
            k += 1
    return a


def entropy(data, kinds):
    m = len(data)
    n = len(data[0])
    d = []
    for j in range(n):
        col = [r[j] for r in data]
        lo, hi = min(col), max(col)
        if hi == lo:
            d.append(0.0)
            continue
        x = [(v - lo) / (hi - lo) if kinds[j] == 'b' else (hi - v) / (hi - lo) for v in col]
        s = sum(x)
        e = (math.log(s) - sum(v * math.log(v) for v in x if v > 0) / s) / math.log(m)
        d.append(1 - e)
    t = sum(d)
    return [v / t for v in d]


def critic(data, kinds):
    n = len(data[0])
    z = []
    for j in range(n):
        col = [r[j] for r in data]
        lo, hi = min(col), max(col)
        z.append([(v - lo) / (hi - lo) if kinds[j] == 'b' else (hi - v) / (hi - lo) for v in col])
    sd = [statistics.stdev(c) for c in z]
    c = [sd[j] * sum(1 - statistics.correlation(z[j], z[k]) for k in range(n)) for j in range(n)]
    t = sum(c)
    return [v / t for v in c]


def midranks(col):
    return [sum(1 for y in col if y < x) + (sum(1 for y in col if y == x) + 1) / 2 for x in col]


def chi2_upper(x, df):
    # Q(df, x) by the recurrence Q(k+2) = Q(k) + (x/2)^(k/2) e^(-x/2) / Gamma(k/2 + 1)
    if df % 2 == 0:
        q, k = math.exp(-x / 2), 2
    else:
        q, k = math.erfc(math.sqrt(x / 2)), 1
    while k < df:
        q += (x / 2) ** (k / 2) * math.exp(-x / 2) / math.gamma(k / 2 + 1)
        k += 2
    return q


def kendall(entries_by_judges):
    n = len(entries_by_judges)
    m = len(entries_by_judges[0])
    cols = [[row[j] for row in entries_by_judges] for j in range(m)]
    ranks = [midranks(c) for c in cols]
    R = [sum(ranks[j][i] for j in range(m)) for i in range(n)]
    S = sum((r - m * (n + 1) / 2) ** 2 for r in R)
    T = 0
    for c in cols:
        for v in set(c):
            t = c.count(v)
            T += t ** 3 - t
    W = 12 * S / (m * m * (n ** 3 - n) - m * T)
    chi = m * (n - 1) * W
    return W, S, T, chi, chi2_upper(chi, n - 1), ranks


def kendall_via_spearman(ranks):
    m = len(ranks)
    rs = [statistics.correlation(ranks[a], ranks[b]) for a in range(m) for b in range(a + 1, m)]
    rbar = sum(rs) / len(rs)
    return ((m - 1) * rbar + 1) / m


def icc(x):
    n, k = len(x), len(x[0])
    g = sum(map(sum, x)) / (n * k)
    rm = [sum(r) / k for r in x]
    cm = [sum(x[i][j] for i in range(n)) / n for j in range(k)]
    sst = sum((v - g) ** 2 for r in x for v in r)
    ssr = k * sum((v - g) ** 2 for v in rm)
    ssc = n * sum((v - g) ** 2 for v in cm)
    sse = sst - ssr - ssc
    bms = ssr / (n - 1)
    wms = (sst - ssr) / (n * (k - 1))
    jms = ssc / (k - 1)
    ems = sse / ((n - 1) * (k - 1))
    return ((bms - wms) / (bms + (k - 1) * wms),
            (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n),
            (bms - ems) / (bms + (k - 1) * ems))


def leniency(x):
    n, k = len(x), len(x[0])
    out = []
    for j in range(k):
        mine = [x[i][j] for i in range(n)]
        panel = [sum(r) / k for r in x]
        rest = [(sum(r) - r[j]) / (k - 1) for r in x]
        dev = statistics.fmean(a - b for a, b in zip(mine, panel))
        out.append((dev, statistics.correlation(mine, rest)))
    return out


def quantize_exact(w, places):
    total = sum(F(v) for v in w)
    unit = 10 ** places
    q = [F(v) / total * unit for v in w]
    fl = [math.floor(v) for v in q]
    missing = unit - sum(fl)
    order = sorted(range(len(w)), key=lambda i: (-(q[i] - fl[i]), i))
    for i in order[:missing]:
        fl[i] += 1
    return [f"{v / unit:.{places}f}" for v in fl]


def show(label, xs):
    print(f"{label}: " + ", ".join(f"{v:.12f}" for v in xs))


if __name__ == "__main__":
    print("== AHP: Saaty's house example (8 criteria) ==")
    house = [
        [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
        [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
        [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
        [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
        [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
        [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
        [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
        [4, 7, 5, 8, 6, 6, 2, 1],
    ]
    w, lam = eigen_by_squaring(house)
    show("eigenvector", w)
    print(f"lambda_max {lam:.12f} CI {(lam - 8) / 7:.12f} CR(saaty 1.41) {(lam - 8) / 7 / 1.41:.12f}")
    worst = max(((abs(math.log(house[i][j] * w[j] / w[i])), i, j) for i in range(8) for j in range(i + 1, 8)))
    print(f"worst judgement ({worst[1]}, {worst[2]}) = {house[worst[1]][worst[2]]:.6f}, implied {w[worst[1]] / w[worst[2]]:.12f}")
    g = geometric(house)
    show("geometric", g)
    print(f"lambda(gm) {lam_est(house, g):.12f}")
    c = column_mean(house)
    show("column_mean", c)
    print(f"lambda(cm) {lam_est(house, c):.12f}")

    print("== AHP: 4x4 worked example of docs/weights.md ==")
    doc = recip([3, 5, 7, 3, 5, 3], 4)
    w, lam = eigen_by_squaring(doc)
    show("eigenvector", w)
    print(f"lambda_max {lam:.12f} CI {(lam - 4) / 3:.12f} CR {(lam - 4) / 3 / 0.90:.12f}")
    show("geometric", geometric(doc))
    show("column_mean", column_mean(doc))
    print("quantized(4):", quantize_exact(w, 4))

    print("== group AHP ==")
    j1 = recip([2, 4, 2], 3)
    j2 = recip([4, 8, 2], 3)
    j3 = recip([1, 2, 3], 3)
    lam3 = [0.5, 0.25, 0.25]
    agg = [[math.prod(m[i][j] ** l for m, l in zip([j1, j2, j3], lam3)) for j in range(3)] for i in range(3)]
    print("AIJ upper:", [f"{agg[0][1]:.12f}", f"{agg[0][2]:.12f}", f"{agg[1][2]:.12f}"])
    ws = [eigen_by_squaring(m)[0] for m in (j1, j2, j3)]
    aip = [math.prod(w[i] ** l for w, l in zip(ws, lam3)) for i in range(3)]
    s = sum(aip)
    show("AIP geometric", [v / s for v in aip])
    show("AIP arithmetic", [sum(w[i] * l for w, l in zip(ws, lam3)) for i in range(3)])

    print("== entropy / CRITIC ==")
    data = [[85, 3, 120, 0.8], [92, 5, 95, 0.6], [78, 2, 150, 0.9], [88, 4, 110, 0.7], [95, 6, 80, 0.5]]
    kinds = ['b', 'b', 'c', 'b']
    show("entropy", entropy(data, kinds))
    show("critic", critic(data, kinds))

    print("== Kendall's W ==")
    hand = [[1, 1, 2], [2, 3, 1], [3, 2, 3]]
    W, S, T, chi, p, ranks = kendall(hand)
    print(f"hand: W {W:.12f} S {S} chi {chi:.12f} p {p:.12f} via spearman {kendall_via_spearman(ranks):.12f}")
    sf = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    W, S, T, chi, p, ranks = kendall(sf)
    print(f"shrout-fleiss: W {W:.12f} S {S} T {T} chi {chi:.12f} p {p:.12f}")
    noties = [[1, 2, 1, 3], [2, 1, 3, 1], [3, 4, 2, 2], [4, 3, 5, 4], [5, 6, 4, 6], [6, 5, 6, 5]]
    W, S, T, chi, p, ranks = kendall(noties)
    print(f"no ties: W {W:.12f} chi {chi:.12f} p {p:.12f} via spearman {kendall_via_spearman(ranks):.12f}")

    print("== ICC (Shrout & Fleiss 1979, Table 2) ==")
    print("icc1 {:.12f} icc2 {:.12f} icc3 {:.12f}".format(*icc(sf)))
    print("== leniency (Shrout & Fleiss data) ==")
    for j, (dev, r) in enumerate(leniency(sf)):
        print(f"judge {j}: deviation {dev:.12f} rest r {r:.12f}")
