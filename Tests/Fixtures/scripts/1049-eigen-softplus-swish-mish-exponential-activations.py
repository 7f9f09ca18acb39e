# Activations built on TensorFlow's exp, softplus and sigmoid kernels take Eigen's approximations,
# whose 8-value packets and scalar tail round differently: the Activation layer and a
# model's activations in predict print what the eager tf functions print.
import numpy as np
import tensorflow as tf
import keras

grid = np.linspace(-18.0, 18.0, 27).reshape(1, 27)
for name in ["softplus", "swish", "mish", "exponential"]:
    print(name, keras.layers.Activation(name)(grid))

print(tf.math.softplus(grid.astype("float32")))
print(tf.nn.silu(grid.astype("float32"))[0, -3:])

chain = keras.Sequential([keras.Input((27,)), keras.layers.Activation("softplus"),
                          keras.layers.Activation("swish"), keras.layers.Activation("mish")])
print(chain.predict(np.vstack([grid, -grid / 3.0]), verbose=0))
