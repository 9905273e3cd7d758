"""skl2onnx.common.data_types.FloatTensorType, as far as the recipe uses it."""


class FloatTensorType:
    def __init__(self, shape):
        self.shape = shape
