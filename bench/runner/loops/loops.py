# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Benchmark sample — the Jacobian chain in plain loops
#
# The twin of `loops.md`: the same chain, written with numpy as a Python author would.

# %%
import numpy as np
from IPython.display import HTML, display

n = 64
steps = 100
gains = [0.5, 1.0, 2.0]
rng = np.random.default_rng(42)
norms = []
for gain in gains:
    u = rng.normal(0, gain / np.sqrt(n), (n, n))
    h = np.full(n, 0.1)
    jacobian = np.eye(n)
    series = []
    for _ in range(steps):
        h = np.tanh(u @ h)
        jacobian = (1 - h * h)[:, None] * (u @ jacobian)
        series.append(np.linalg.norm(jacobian))
    norms.append(series)
rows = "".join(f"<tr><td>{g:.1f}</td><td>{s[9]:.3e}</td><td>{s[99]:.3e}</td></tr>" for g, s in zip(gains, norms))
display(HTML(f"<table><tr><th>gain g</th><th>norm after 10 steps</th><th>norm after 100 steps</th></tr>{rows}</table>"))
