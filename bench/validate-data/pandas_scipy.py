"""The comparison for bench/validate-data: pandas read_csv + describe and scipy per-column drift tests
(ks_2samp and wasserstein_distance for numbers, chisquare for categories) on the same two files."""
import sys

import numpy as np
import pandas as pd
from scipy import stats

current_path, reference_path = sys.argv[1], sys.argv[2]
cur = pd.read_csv(current_path)
ref = pd.read_csv(reference_path)
cur.describe(include="all")
ref.describe(include="all")
for col in cur.columns:
    a = ref[col].replace([np.inf, -np.inf], np.nan).dropna()
    b = cur[col].replace([np.inf, -np.inf], np.nan).dropna()
    if pd.api.types.is_numeric_dtype(cur[col]) and col != "label":
        stats.ks_2samp(a, b)
        stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)
    else:
        keys = list(set(a.unique()) | set(b.unique()))
        rc, cc = a.value_counts(), b.value_counts()
        k = len(b) / len(a)
        stats.chisquare([cc.get(x, 0) for x in keys], [rc.get(x, 0) * k for x in keys])
print("done", len(cur), len(ref))
