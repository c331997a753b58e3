#!/usr/bin/env python3
"""One BioWord training epoch on Jane Austen's novels in numpy: the twin of flyhash-bench.

    python3 bioword_epoch.py per-sample|minibatch [path-to-austen.txt]

Same tokenizer, vocabulary, windows, counter-based initial synapses and sample order as the
Swift program (Lab's FlyHash.BioWordCorpus / BioWordModel), float32 synapses stored
input-major. Prints one JSON line: phase times, the window count, wins per unit and ‖W_μ‖;
with FLYHASH_REPORT set to an existing file, also appends the line to it.
"""
import json
import os
import re
import sys
import time
from collections import Counter

import numpy as np

VOCABULARY, STOP_WORDS, HALF_WINDOW, UNITS = 3000, 50, 5, 400
INITIAL_SCALE, INITIAL_SEED, ORDER_SEED = np.float32(0.02), 1, 100
PER_SAMPLE_RATE, MINIBATCH_RATE, BATCH_SIZE = 1.5e-6, 0.3, 10_000
MASK = (1 << 64) - 1
WORD = re.compile(r"[^\W\d_]+(?:'+[^\W\d_]+)*")


def words(line):
    """Lab's Tokenizer.words: lower-cased letter runs joined by inner apostrophes."""
    return WORD.findall(line.lower().replace("\u2019", "'"))


def corpus(path):
    paragraphs = [words(line) for line in open(path, encoding="utf-8").read().split("\n")]
    if paragraphs and not paragraphs[-1]:
        paragraphs.pop()
    tally = Counter(token for paragraph in paragraphs for token in paragraph)
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    kept = ranked[STOP_WORDS:STOP_WORDS + VOCABULARY]
    ids = {word: i for i, (word, _) in enumerate(kept)}
    size = len(kept)
    offsets, indices = [0], []
    for paragraph in paragraphs:
        token_ids = [ids.get(token, -1) for token in paragraph]
        n = len(token_ids)
        for t, centre in enumerate(token_ids):
            if centre < 0:
                continue
            context = {token_ids[u] for u in range(max(0, t - HALF_WINDOW), min(n, t + HALF_WINDOW + 1))
                       if u != t and token_ids[u] >= 0}
            indices.extend(sorted(context))
            indices.append(size + centre)
            offsets.append(len(indices))
    counts = np.array([count for _, count in kept], dtype=np.float64)
    p = counts / counts.sum()
    return size, np.array(offsets, dtype=np.int64), np.array(indices, dtype=np.int64), np.concatenate([p, p])


def split_mix(x):
    """SplitMix64 of an array of uint64 states (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def initial_synapses(inputs):
    index = np.arange(inputs * UNITS, dtype=np.uint64) + np.uint64(INITIAL_SEED)
    top = (split_mix(index) >> np.uint64(40)).astype(np.float32)
    return (top * np.float32(2.0 ** -24) * INITIAL_SCALE).reshape(inputs, UNITS)


def shuffled_order(count):
    keys = split_mix(np.arange(count, dtype=np.uint64) + np.uint64(ORDER_SEED))
    return np.argsort(keys, kind="stable")


def per_sample_epoch(w, offsets, indices, inverse, order):
    """ΔW_μ̂ = ε (v/p − ⟨W_μ̂, v/p⟩ W_μ̂), one window at a time; unit shrinking kept in `scale`."""
    epsilon = np.float32(PER_SAMPLE_RATE)
    scale = np.ones(UNITS, dtype=np.float32)
    wins = np.zeros(UNITS, dtype=np.int64)
    for window in order:
        active = indices[offsets[window]:offsets[window + 1]]
        winner = int(np.argmax(w[active].sum(axis=0) * scale))
        column = w[active, winner]
        f = inverse[active]
        inner = np.float32(np.dot(column, f)) * scale[winner]
        scale[winner] *= np.float32(1) - epsilon * inner
        w[active, winner] = column + epsilon * f / scale[winner]
        if scale[winner] < 1e-3:
            w[:, winner] *= scale[winner]
            scale[winner] = 1
        wins[winner] += 1
    w *= scale
    return wins


def minibatch_epoch(w, offsets, indices, inverse, order):
    """The released loop: D summed over a batch, W += ε D / max|D|."""
    inputs = w.shape[0]
    lengths = np.diff(offsets)
    width = int(lengths.max())
    padded = np.full((len(lengths), width), inputs, dtype=np.int64)  # row `inputs` is all zero
    for slot in range(width):
        rows = np.nonzero(lengths > slot)[0]
        padded[rows, slot] = indices[offsets[rows] + slot]
    w_padded = np.vstack([w, np.zeros((1, UNITS), dtype=np.float32)])
    f_padded = np.append(inverse, np.float32(0))
    wins = np.zeros(UNITS, dtype=np.int64)
    for start in range(0, len(order), BATCH_SIZE):
        active = padded[order[start:start + BATCH_SIZE]]
        winners = w_padded[active].sum(axis=1).argmax(axis=1)
        inner = (w_padded[active, winners[:, None]] * f_padded[active]).sum(axis=1)
        decay = np.bincount(winners, weights=inner, minlength=UNITS).astype(np.float32)
        flat = (active * UNITS + winners[:, None]).ravel()
        hebbian = np.bincount(flat, weights=f_padded[active].ravel(), minlength=w_padded.size)
        d = hebbian.reshape(w_padded.shape).astype(np.float32) - decay * w_padded
        d[inputs] = 0
        w_padded += np.float32(MINIBATCH_RATE / max(float(np.abs(d).max()), 1e-30)) * d
        wins += np.bincount(winners, minlength=UNITS)
    w[:] = w_padded[:inputs]
    return wins


def main(arguments):
    if not arguments or arguments[0] not in ("per-sample", "minibatch"):
        sys.exit("usage: bioword_epoch.py per-sample|minibatch [austen.txt]")
    rule = arguments[0]
    path = arguments[1] if len(arguments) > 1 else "notebooks/data/austen.txt"
    start = time.perf_counter()
    size, offsets, indices, p = corpus(path)
    prepare = time.perf_counter() - start
    start = time.perf_counter()
    w = initial_synapses(2 * size)
    order = shuffled_order(len(offsets) - 1)
    inverse = (1 / p).astype(np.float32)
    init = time.perf_counter() - start
    start = time.perf_counter()
    epoch = per_sample_epoch if rule == "per-sample" else minibatch_epoch
    wins = epoch(w, offsets, indices, inverse, order)
    seconds = time.perf_counter() - start
    norms = np.sqrt((w.astype(np.float64) ** 2).sum(axis=0))
    line = json.dumps({
        "implementation": "numpy", "rule": rule, "windows": len(offsets) - 1,
        "prepare_seconds": prepare, "init_seconds": init, "epoch_seconds": seconds,
        "wins": wins.tolist(), "norms": norms.tolist(),
    }, sort_keys=True)
    print(line)
    log = os.environ.get("FLYHASH_REPORT")
    if log and os.path.exists(log):  # bench/flyhash/run collects one line per run
        with open(log, "a") as sink:
            sink.write(line + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
