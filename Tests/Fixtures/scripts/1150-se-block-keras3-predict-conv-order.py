# A seeded squeeze-and-excitation block (keepdims pooling, 1x1 convolutions, the input scaled by
# the excitation with Keras tensor arithmetic, a depthwise convolution and a residual Add) predicts
# the same digits as its eager call in both Kerases: under the Eigen engine Keras 3's compiled
# predict sums a convolution of few filters in TensorFlow's order (a short last block of filters
# in two FMA chains), as the eager call does.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.set_printoptions(precision=9)
keras.utils.set_random_seed(7)
inputs = keras.Input(shape=(12, 12, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
squeeze = layers.GlobalAveragePooling2D(keepdims=True)(x)
squeeze = layers.Conv2D(2, 1, activation="relu")(squeeze)
excite = layers.Conv2D(8, 1, activation="sigmoid")(squeeze)
x = x * excite
x = x + inputs[..., :1]
x = -x
x = layers.ReLU(max_value=6.0)(x)
x = layers.DepthwiseConv2D(3, padding="same")(x)
x = layers.Add()([x, layers.Conv2D(8, 1)(inputs)])
pooled = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2)(pooled)
model = keras.Model(inputs, outputs, name="se_block")
model.summary()

images = np.linspace(0, 1, 2 * 12 * 12 * 3, dtype="float32").reshape(2, 12, 12, 3)
predicted = model.predict(images, verbose=0)
print(predicted)
print(np.array_equal(predicted, np.asarray(model(images))))
features = keras.Model(inputs, excite)
print(features.predict(images, verbose=0).reshape(2, -1))
