# scipy's answers for the canary analysis tests (src/deploy/stats.ts): reads cases as JSON on stdin,
# prints the p-values as JSON. Used by __tests__/deploy/stats.test.ts.
import json
import math
import sys

import numpy as np
from scipy import stats

cases = json.load(sys.stdin)
out = []
for c in cases:
    kind = c["kind"]
    if kind == "mwu":
        r = stats.mannwhitneyu(c["x"], c["y"], alternative="greater", method="asymptotic")
        out.append([float(r.statistic), float(r.pvalue)])
    elif kind == "fisher":
        a, b, d, e = c["table"]
        odds, p = stats.fisher_exact([[a, b], [d, e]], alternative="greater")
        out.append([float(odds), float(p)])
    elif kind == "ttest":
        r = stats.ttest_1samp(np.asarray(c["x"]), c["mean0"], alternative="greater")
        out.append([float(r.statistic), float(r.pvalue)])
    elif kind == "binom":
        r = stats.binomtest(c["k"], c["n"], c["p0"], alternative="greater")
        out.append([c["k"] / c["n"], float(r.pvalue)])
    elif kind == "ks":
        r = stats.ks_2samp(c["x"], c["y"])
        out.append([float(r.statistic), float(r.pvalue)])
# JSON has no NaN or infinity: those go as the strings "nan", "inf", "-inf".
print(json.dumps([[v if math.isfinite(v) else str(v) for v in row] for row in out]))
