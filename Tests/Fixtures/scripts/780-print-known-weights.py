# Printing weights whose values are exactly known: a seeded kernel, constant initializers,
# values set by hand, a nested Sequential model, and the shapes of a line fitted by a GradientTape
# loop.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(7)
block = keras.Sequential([layers.Dense(3, bias_initializer="ones")], name="block")
net = keras.Sequential(
    [keras.Input((2,)), block, layers.Dense(1, kernel_initializer="zeros"), layers.BatchNormalization()],
    name="net")
print(net.weights[0])
for w in net.layers[1].weights:
    print(w)
print(net.layers[2].non_trainable_weights)
net.layers[1].set_weights([np.arange(3, dtype="float32").reshape(3, 1) / 4, np.array([-1.5])])
print(net.layers[1].kernel, net.layers[1].bias)

xs = np.linspace(-1, 1, 8).astype("float32").reshape(-1, 1)
ys = 3 * xs - 0.5
line = keras.Sequential([keras.Input((1,)), layers.Dense(1, kernel_initializer="zeros")], name="line")
sgd = keras.optimizers.SGD(learning_rate=0.1)
for _ in range(4):
    with tf.GradientTape() as tape:
        err = tf.reduce_mean(tf.square(line(xs) - ys))
    sgd.apply_gradients(zip(tape.gradient(err, line.trainable_variables), line.trainable_variables))
# Trained values are TensorFlow's sums (ConvBook refuses to print them); their shapes print.
print([tuple(v.shape) for v in line.variables])
