# Counting parameters by hand from the weights' shapes: NumPy reads a TensorShape as the
# sequence of its dimensions.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

net = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(7, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(3),
])
trainable = sum(np.prod(w.shape) for w in net.trainable_weights)
frozen = int(np.sum([np.prod(v.shape) for v in net.non_trainable_weights]))
print("trainable", trainable, type(trainable).__name__)
print("frozen", frozen)
print(np.array(net.layers[0].kernel.shape), np.array(net.layers[2].bias.shape).dtype)
print(np.prod(net.layers[0].kernel.shape) == net.layers[0].count_params() - 7)
print([int(np.prod(layer.get_weights()[0].shape)) for layer in net.layers])
