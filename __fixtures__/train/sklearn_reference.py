"""Reference predictions for the sklearn-python example: trains exactly as train.py does (same
params file, same seed) and prints scikit-learn's predict_proba[:, 1] on test.csv as JSON, so the
test can check that the hand-written ONNX export computes the same probabilities.
Usage: /usr/bin/python3 sklearn_reference.py EXAMPLE_DIR SEED PARAMS_JSON"""
import json
import os
import runpy
import sys
import tempfile

import pandas as pd

example, seed, params = sys.argv[1], sys.argv[2], sys.argv[3]
scratch = tempfile.mkdtemp()
os.environ.update(
    {"MLCI_SEED": seed, "MLCI_PARAMS": params, "MLCI_MODEL_PATH": os.path.join(scratch, "model.onnx")}
)
os.environ.pop("MLCI_METRICS_PATH", None)
os.environ.pop("MLCI_FINAL_METRICS_PATH", None)
sys.stdout = sys.stderr  # train.py's own output must not mix with the JSON
trained = runpy.run_path(os.path.join(example, "train.py"))
sys.stdout = sys.__stdout__
frame = pd.read_csv(os.path.join(example, "data", "test.csv"))
for column in trained["CATEGORICAL"]:
    frame[column] = frame[column].fillna("").astype(str)
features = frame[trained["NUMERIC"] + trained["CATEGORICAL"]]
probabilities = trained["classifier"].predict_proba(trained["preprocess"].transform(features))[:, 1]
print(json.dumps(probabilities.tolist()))
