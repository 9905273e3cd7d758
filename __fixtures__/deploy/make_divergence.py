"""Reference values for src/deploy/divergence.ts and analysis.ts quantile: scipy and numpy.

Run: /usr/bin/python3 __fixtures__/deploy/make_divergence.py > __fixtures__/deploy/divergence.json
"""
import json

import numpy as np
from scipy.spatial.distance import jensenshannon

rng = np.random.default_rng(7)
cases = []
for k in (2, 3, 10, 25):
    for _ in range(3):
        p = rng.integers(0, 50, size=k).astype(float)
        q = rng.integers(0, 50, size=k).astype(float)
        p[0] += 1  # never all zero
        q[-1] += 1
        if k > 3:
            p[rng.integers(0, k)] = 0  # empty bins
        cases.append({
            "p": p.tolist(),
            "q": q.tolist(),
            "base2": float(jensenshannon(p, q, base=2)),
            "natural": float(jensenshannon(p, q)),
        })

# Scores binned the way sharedHistograms bins probabilities: ten equal bins on [0, 1].
a = rng.beta(2, 5, size=400)
b = rng.beta(2.5, 4, size=300)
edges = np.linspace(0, 1, 11)
pa = np.clip(np.floor(a * 10), 0, 9).astype(int)
pb = np.clip(np.floor(b * 10), 0, 9).astype(int)
ha = np.bincount(pa, minlength=10)
hb = np.bincount(pb, minlength=10)
scores = {"a": a.tolist(), "b": b.tolist(), "distance": float(jensenshannon(ha, hb, base=2))}

lat = rng.lognormal(0, 1, size=257)
quantiles = {"values": lat.tolist(), "q": [0.5, 0.9, 0.99], "expected": [float(np.quantile(lat, x)) for x in (0.5, 0.9, 0.99)]}

print(json.dumps({"cases": cases, "scores": scores, "quantiles": quantiles}))
