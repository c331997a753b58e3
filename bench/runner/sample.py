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
# # Benchmark sample — gradient norms of a tanh RNN
#
# This notebook is the workload of the runner benchmark. Its twin, `sample.md`, does the same work
# in Swift with Lab, so both tools execute and render an equivalent notebook.
#
# A tanh RNN updates its state with $h_t = \tanh(U h_{t-1} + W x_t)$. The gradient of the last state
# with respect to the first is a product of step Jacobians,
#
# $$\frac{\partial h_T}{\partial h_0} = \prod_{t=T}^{1} \operatorname{diag}\!\left(1 - h_t^2\right) U,$$
#
# so its norm grows or shrinks roughly geometrically, at a rate set by the gain $g$ of $U_{ij} \sim \mathcal{N}(0, g^2/n)$.
#
# ## The Jacobian chain

# %%
import numpy as np

n = 64
steps = 100
gains = [0.5, 1.0, 2.0]
rng = np.random.default_rng(42)
norms = []
for gain in gains:
    u = rng.normal(0, gain / np.sqrt(n), (n, n))
    w = rng.normal(0, 1 / np.sqrt(n), (n, n))
    h = np.zeros(n)
    jacobian = np.eye(n)
    series = []
    for _ in range(steps):
        x = rng.normal(size=n)
        h = np.tanh(u @ h + w @ x)
        jacobian = (1 - h * h)[:, None] * (u @ jacobian)
        series.append(np.linalg.norm(jacobian))
    norms.append(series)

# %% [markdown]
# ## A table and a figure

# %%
import matplotlib.pyplot as plt
from IPython.display import HTML, display
from matplotlib_inline.backend_inline import set_matplotlib_formats

set_matplotlib_formats("svg")

rows = "".join(
    f"<tr><td>{g:.1f}</td><td>{s[9]:.3e}</td><td>{s[99]:.3e}</td></tr>" for g, s in zip(gains, norms)
)
display(HTML(f"<table><tr><th>gain g</th><th>norm after 10 steps</th><th>norm after 100 steps</th></tr>{rows}</table>"))
figure, axes = plt.subplots(figsize=(6.4, 4))
for gain, series in zip(gains, norms):
    axes.plot(range(1, steps + 1), series, label=f"g = {gain}")
axes.set_yscale("log")
axes.set_title("Gradient norm of a tanh RNN")
axes.set_xlabel("step t")
axes.set_ylabel("‖∂h_t/∂h_0‖_F")
axes.legend()
plt.show()

# %% [markdown]
# ## An expected error

# %% tags=["raises-exception"]
raise ValueError("cannot multiply a 64×64 matrix by a vector of length 3")

# %% [markdown]
# ## A thousand printed lines

# %%
import math

for t in range(1000):
    print(f"line {t}: {math.sin(t):.6f}")
