"""Stands in for skl2onnx (not installable where mlci's tests run) so that the recipe of
docs/training-convention.md runs as written: convert_sklearn builds the graph skl2onnx writes
(../../skl2onnx_shapes.py) for the initial type and the zipmap option given."""
import os
import sys

import onnx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from skl2onnx_shapes import to_onnx  # noqa: E402


def convert_sklearn(model, initial_types, options=None):
    (name, tensor_type), = initial_types
    zipmap = ((options or {}).get(id(model)) or {}).get("zipmap", True)
    return onnx.load_from_string(to_onnx(model, tensor_type.shape[1], zipmap=zipmap, input_name=name))
