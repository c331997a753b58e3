#!/usr/bin/env python3
"""The Python side of the Lab-vs-numpy benchmark: one case per invocation.

    numpy_bench.py <case> [--pure] [--steps N]

Cases: matmul-chain, rnn-jacobian (numpy), metropolis, lcs (numpy by default, pure Python
loops with --pure). Prints one JSON line with the kernel's own wall and CPU time (set-up and imports
excluded) and a checksum comparable with lab-bench's. Run it single-threaded:
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1.
"""
import json
import math
import random
import sys
import time

import numpy as np


def matmul_chain(steps, n=512):
    """M <- M A / ||M A||_F; mean log growth per step."""
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n)) / math.sqrt(n)
    m = np.eye(n)
    log_growth = 0.0
    for _ in range(steps):
        m = m @ a
        scale = np.linalg.norm(m)
        m /= scale
        log_growth += math.log(scale)
    return f"{log_growth / steps:.4f}"


def rnn_jacobian(steps, n=512):
    """h <- tanh(U h + x), J <- diag(1 - h^2) U J, renormalised; mean log growth of J."""
    rng = np.random.default_rng(2)
    u = rng.standard_normal((n, n)) * (1.5 / math.sqrt(n))
    h = rng.standard_normal(n)
    j = np.eye(n)
    log_growth = 0.0
    for _ in range(steps):
        h = np.tanh(u @ h + rng.standard_normal(n))
        j = ((1 - h * h)[:, None] * u) @ j
        scale = np.linalg.norm(j)
        j /= scale
        log_growth += math.log(scale)
    return f"{log_growth / steps:.4f}"


def log_density(x):
    """The double well p(x) ~ exp(-(x^2 - 4)^2 / 8), modes at +-2."""
    well = x * x - 4
    return -well * well / 8


def metropolis_pure(steps):
    """Random-walk Metropolis on the double well, proposals x + U(-3, 3)."""
    rng = random.Random(3)
    x, current = 0.0, log_density(0.0)
    accepted = positive = 0
    for _ in range(steps):
        proposal = x + 3 * (2 * rng.random() - 1)
        candidate = log_density(proposal)
        delta = candidate - current
        # Accept with probability min(1, e^delta): a uniform is drawn only when delta < 0.
        if delta >= 0 or math.log(1 - rng.random()) < delta:
            x, current = proposal, candidate
            accepted += 1
        if x > 0:
            positive += 1
    return f"{accepted / steps:.2f}/{positive / steps:.2f}"


def metropolis_numpy(steps):
    """The same chain with numpy drawing every random number up front (the chain itself
    is sequential, so the loop stays in Python)."""
    rng = np.random.default_rng(3)
    moves = (3 * (2 * rng.random(steps) - 1)).tolist()
    thresholds = np.log1p(-rng.random(steps)).tolist()
    x, current = 0.0, log_density(0.0)
    accepted = positive = 0
    for move, threshold in zip(moves, thresholds):
        proposal = x + move
        candidate = log_density(proposal)
        delta = candidate - current
        if delta >= 0 or threshold < delta:
            x, current = proposal, candidate
            accepted += 1
        if x > 0:
            positive += 1
    return f"{accepted / steps:.2f}/{positive / steps:.2f}"


def dna_string(length, seed):
    """The same ACGT string as lab-bench's (64-bit LCG, top two bits)."""
    state, mask, out = seed, (1 << 64) - 1, []
    for _ in range(length):
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        out.append("ACGT"[state >> 62])
    return "".join(out)


def lcs_pure(a, b):
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                current[j + 1] = previous[j] + 1
            else:
                current[j + 1] = max(previous[j + 1], current[j])
        previous = current
    return previous[-1]


def lcs_numpy(a, b):
    """Row by row: c[j] = max(c[j-1], p[j], p[j-1] + [a_i == b_j]) is a running maximum of
    max(p[j], p[j-1] + match), so each row is a few vector operations."""
    bb = np.frombuffer(b.encode(), dtype=np.uint8)
    previous = np.zeros(len(b) + 1, dtype=np.int32)
    for x in a.encode():
        candidate = np.maximum(previous[1:], previous[:-1] + (bb == x))
        previous = np.concatenate(([0], np.maximum.accumulate(candidate)))
    return int(previous[-1])


def lcs(length, pure):
    a, b = dna_string(length, 4), dna_string(length, 5)
    start, cpu_start = time.perf_counter(), time.process_time()
    result = (lcs_pure if pure else lcs_numpy)(a, b)
    return str(result), start, cpu_start


def blas_core():
    """The kernel family numpy's bundled OpenBLAS chose, or "unknown"."""
    import ctypes
    import glob
    import os
    folder = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(folder, "*openblas*")):
        library = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
            function = getattr(library, name, None)
            if function is not None:
                function.restype = ctypes.c_char_p
                return function().decode()
    return "unknown"


def main(argv):
    if not argv or argv[0] not in ("matmul-chain", "rnn-jacobian", "metropolis", "lcs"):
        sys.exit("usage: numpy_bench.py <matmul-chain|rnn-jacobian|metropolis|lcs> [--pure] [--steps N]")
    case, pure = argv[0], "--pure" in argv
    steps = int(argv[argv.index("--steps") + 1]) if "--steps" in argv else None
    start, cpu_start = time.perf_counter(), time.process_time()
    if case == "matmul-chain":
        checksum = matmul_chain(steps or 1000)
    elif case == "rnn-jacobian":
        checksum = rnn_jacobian(steps or 1000)
    elif case == "metropolis":
        checksum = (metropolis_pure if pure else metropolis_numpy)(steps or 1_000_000)
    else:
        checksum, start, cpu_start = lcs(steps or 5000, pure)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    variant = "pure-python" if pure else "numpy"
    print(json.dumps({"case": case, "variant": variant, "seconds": round(seconds, 4),
                      "cpu_seconds": round(cpu_seconds, 4), "checksum": checksum,
                      "blas_core": blas_core(), "numpy": np.__version__}))


if __name__ == "__main__":
    main(sys.argv[1:])
