# Counting parameters by hand: NumPy reads a weight's TensorShape as the sequence of its sizes.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

net = keras.Sequential([
    keras.Input((6,)),
    layers.Dense(5, activation="relu"),
    layers.BatchNormalization(),
    layers.Dense(2),
])
trainable = sum(np.prod(v.shape) for v in net.trainable_weights)
frozen = int(np.sum([np.prod(v.shape) for v in net.non_trainable_weights]))
print(trainable, frozen, trainable + frozen == net.count_params())
for layer in net.layers:
    sizes = [np.array(w.shape) for w in layer.weights]
    print(f"{layer.name:<22}", [s.tolist() for s in sizes], int(sum(np.prod(s) for s in sizes)))
print(np.prod(net.layers[0].kernel.shape).dtype, np.array(net.layers[-1].bias.shape).dtype)
