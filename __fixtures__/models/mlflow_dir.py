"""Writes an MLflow model directory exactly as mlflow.onnx.save_model (MLflow 2.x) lays it out,
since mlflow is not installable where mlci's tests run: MLmodel (yaml.safe_dump of Model.to_dict,
default_flow_style=False, keys sorted), model.onnx, conda.yaml, python_env.yaml, requirements.txt.

usage: mlflow_dir.py OUT_DIR ONNX_FILE SIGNATURE_JSON [RUN_ID ARTIFACT_PATH]
SIGNATURE_JSON is the column-based input schema as MLflow serialises it
('[{"type": "double", "name": "age", "required": true}, …]') or a tensor spec.
"""
import os
import shutil
import sys
import uuid

import yaml

out, onnx_file, inputs = sys.argv[1], sys.argv[2], sys.argv[3]
run_id = sys.argv[4] if len(sys.argv) > 4 else None
artifact_path = sys.argv[5] if len(sys.argv) > 5 else None
os.makedirs(out)
shutil.copyfile(onnx_file, os.path.join(out, "model.onnx"))
model = {
    "flavors": {
        "onnx": {
            "code": None,
            "data": "model.onnx",
            "onnx_version": "1.15.0",
            "providers": ["CUDAExecutionProvider", "CPUExecutionProvider"],
        },
        "python_function": {
            "data": "model.onnx",
            "env": {"conda": "conda.yaml", "virtualenv": "python_env.yaml"},
            "loader_module": "mlflow.onnx",
            "python_version": "3.11.2",
        },
    },
    "mlflow_version": "2.11.3",
    "model_size_bytes": os.path.getsize(onnx_file),
    "model_uuid": uuid.uuid4().hex,
    "signature": {
        "inputs": inputs,
        "outputs": '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}, "name": "probabilities"}]',
        "params": None,
    },
    "utc_time_created": "2026-12-06 19:58:02.612311",
}
if run_id:
    model["run_id"] = run_id
if artifact_path:
    model["artifact_path"] = artifact_path
with open(os.path.join(out, "MLmodel"), "w") as f:
    yaml.safe_dump(model, stream=f, default_flow_style=False)
with open(os.path.join(out, "conda.yaml"), "w") as f:
    yaml.safe_dump({"channels": ["conda-forge"], "dependencies": ["python=3.11.2", "pip<=23.0.1", {"pip": ["mlflow==2.11.3", "onnx==1.15.0", "onnxruntime==1.17.1"]}], "name": "mlflow-env"}, stream=f, default_flow_style=False)
with open(os.path.join(out, "python_env.yaml"), "w") as f:
    yaml.safe_dump({"python": "3.11.2", "build_dependencies": ["pip==23.0.1", "setuptools==66.1.1", "wheel==0.38.4"], "dependencies": ["-r requirements.txt"]}, stream=f, default_flow_style=False)
with open(os.path.join(out, "requirements.txt"), "w") as f:
    f.write("mlflow==2.11.3\nonnx==1.15.0\nonnxruntime==1.17.1\n")
