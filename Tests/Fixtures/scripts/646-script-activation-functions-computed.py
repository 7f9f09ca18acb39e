# Activation functions a script writes with tensor operations, none of them one of Keras' own:
# Keras calls them on the layer's output, so the forward pass and training compute them.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def clipped_tanh(x):
    return K.clip(K.tanh(x), 0.0, 1.0)


def positive_softplus(x):
    return K.softplus(x) + K.epsilon()


def tanh_gelu(x):
    cube = tf.math.pow(x, 3)
    return 0.5 * x * (1.0 + tf.math.tanh(0.7978845608 * (x + 0.044715 * cube)))


def quick_gelu(x):
    return x * tf.sigmoid(1.702 * x)


def leaky_square(x):
    return tf.maximum(x, 0.1 * x) + 0.01 * tf.square(x)


x = np.linspace(-2.5, 2.5, 16).reshape(2, 8).astype("float32")
inputs = keras.Input(shape=(8,))
outputs = [
    layers.Activation(clipped_tanh)(inputs),
    layers.Activation(positive_softplus)(inputs),
    layers.Activation(tanh_gelu)(inputs),
    layers.Dense(3, activation=quick_gelu, kernel_initializer="ones")(inputs),
    layers.Dense(2, activation=leaky_square, kernel_initializer=keras.initializers.Constant(-0.2))(inputs),
]
model = keras.Model(inputs, outputs)
for value in model.predict(x, verbose=0):
    print(np.round(value, 5))

net = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4, activation=tanh_gelu, kernel_initializer=keras.initializers.Constant(0.1)),
    layers.Dense(4, activation=leaky_square, kernel_initializer=keras.initializers.Constant(0.2)),
    layers.Dense(1, activation=positive_softplus, kernel_initializer="ones"),
])
net.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
history = net.fit(x, np.array([[0.5], [2.0]]), epochs=4, batch_size=2, verbose=0)
print([round(value, 5) for value in history.history["loss"]])
print(np.round(net.layers[0].get_weights()[0][:2], 5))

# tf-keras looks a registered name up among the custom objects; Keras 3 does not.
keras.utils.get_custom_objects()["clipped_tanh"] = clipped_tanh
by_name = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(2, activation="clipped_tanh", kernel_initializer="ones")])
print(np.round(by_name.predict(x, verbose=0), 5))
print(by_name.layers[0].get_config()["activation"])
