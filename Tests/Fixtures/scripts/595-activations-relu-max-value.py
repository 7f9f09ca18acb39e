# keras.activations.relu with max_value on Keras tensors: called directly and inside a
# script's relu6 given to Activation (DeepLab's MobileNetV2 backbone writes it this way),
# next to tf.nn.relu6 and the leaky form with alpha.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.activations import relu


def relu6(x):
    return relu(x, max_value=6)


def capped(x):
    return keras.activations.relu(x, max_value=2.5)


inputs = keras.Input((5,), name="x")
a = layers.Activation(relu6, name="relu6_act")(inputs)
b = layers.Dense(5, activation=capped, kernel_initializer="identity", name="dense_capped")(inputs)
c = relu(inputs, max_value=6.0)
d = keras.activations.relu(inputs, max_value=1.5)
e = relu(inputs)
model = keras.Model(inputs, [a, b, c, d, e])
model.summary()
print([type(layer).__name__ for layer in model.layers])
x = np.array([[-3.0, 0.5, 2.0, 4.0, 9.0]], dtype="float32")
for out in model.predict(x, verbose=0):
    print(out)
