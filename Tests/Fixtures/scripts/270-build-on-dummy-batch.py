# A model is built by calling it once on a dummy batch of zeros, as many tutorials do before
# summary(); ones make a second, different batch size.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

dummy = tf.zeros((1, 28, 28, 1))
print(dummy.shape, dummy.dtype)

net = keras.Sequential(
    [
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(10),
    ]
)
out = net(dummy)
print("output:", out.shape)
net.summary()

bias = tf.ones([3])
print(bias)
print(tf.zeros((2, 2)))
