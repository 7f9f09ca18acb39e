# Seeded DepthwiseConv and SeparableConv layers start from TensorFlow's own draws (depthwise
# kernel, pointwise kernel, bias, in that order), and TensorFlow's depthwise kernel (Eigen's
# DepthwiseConv2DKernel) adds each tap's rounded product without FMA; a separable layer's
# pointwise 1x1 convolution then sums as TensorFlow's contraction does. Depth multipliers,
# strides, dilation, channels past a multiple of 8, 1-D layers, predict and direct calls.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.set_printoptions(precision=9)
configs = [
    ("depthwise", dict(kernel_size=3, padding="same"), (7, 7, 5)),
    ("depthwise", dict(kernel_size=3, depth_multiplier=2, strides=2), (9, 9, 11)),
    ("depthwise", dict(kernel_size=(2, 3), dilation_rate=2, padding="same"), (8, 8, 16)),
    ("depthwise1d", dict(kernel_size=5, padding="same"), (12, 6)),
    ("separable", dict(filters=7, kernel_size=3, padding="same"), (8, 8, 5)),
    ("separable", dict(filters=20, kernel_size=3, depth_multiplier=3, strides=2), (9, 9, 4)),
    ("separable1d", dict(filters=6, kernel_size=3), (10, 9)),
]
kinds = {
    "depthwise": layers.DepthwiseConv2D,
    "depthwise1d": layers.DepthwiseConv1D,
    "separable": layers.SeparableConv2D,
    "separable1d": layers.SeparableConv1D,
}
for index, (kind, settings, shape) in enumerate(configs):
    keras.utils.set_random_seed(40 + index)
    layer = kinds[kind](**settings, bias_initializer="random_normal")
    model = keras.Sequential([keras.Input(shape), layer])
    x = np.sin(np.arange(3 * int(np.prod(shape)), dtype="float32") * 0.7).reshape((3,) + shape)
    predicted = model.predict(x, verbose=0)
    print(kind, predicted.shape, np.array_equal(predicted, np.asarray(layer(x))))
    print(predicted.reshape(3, -1)[:, :3])
    print(predicted.reshape(3, -1)[:, -2:])

keras.utils.set_random_seed(7)
inputs = keras.Input(shape=(6, 6, 8))
features = layers.DepthwiseConv2D(3, padding="same", activation="relu")(inputs)
pooled = layers.GlobalAveragePooling2D()(features)
outputs = layers.Dense(2)(pooled)
block = keras.Model(inputs, outputs)
images = np.sin(np.arange(2 * 6 * 6 * 8, dtype="float32")).reshape(2, 6, 6, 8)
print(block.predict(images, verbose=0))
print(np.asarray(block(images)))
