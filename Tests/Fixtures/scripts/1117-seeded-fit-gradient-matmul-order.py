# A fit's backward pass multiplies matrices too: the kernel gradient x^T . dy and the input
# gradient dy . W^T, which TensorFlow sums in its own order (two accumulators over the batch
# for some rows and columns, one for the others; a single input through its matrix-vector
# product; a last batch of one row by itself). Weights trained for a few steps on small layers,
# printed in full, show that order in their last digits.
import numpy as np
from tensorflow import keras

x = np.sin(np.arange(20, dtype="float32") * 0.7).reshape(20, 1)
y = np.cos(np.arange(60, dtype="float32") * 0.3).reshape(20, 3)
keras.utils.set_random_seed(21)
chain = keras.Sequential(
    [
        keras.Input((1,)),
        keras.layers.Dense(8, activation="tanh"),
        keras.layers.Dense(7, activation="tanh"),
        keras.layers.Dense(3),
    ]
)
chain.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
history = chain.fit(x, y, epochs=4, batch_size=6, shuffle=False, verbose=0)
print([float(v) for v in history.history["loss"]])
for weight in chain.get_weights():
    print(weight.ravel().tolist())

wide = np.cos(np.arange(13 * 9, dtype="float32") * 0.41).reshape(13, 9)
targets = np.sin(np.arange(13 * 3, dtype="float32") * 0.2).reshape(13, 3)
keras.utils.set_random_seed(22)
net = keras.Sequential(
    [
        keras.Input((9,)),
        keras.layers.Dense(5, activation="relu"),
        keras.layers.Dense(3),
    ]
)
net.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
history = net.fit(wide, targets, epochs=3, batch_size=4, shuffle=False, verbose=0)
print([float(v) for v in history.history["loss"]])
for weight in net.get_weights():
    print(weight.ravel().tolist())
print(net.predict(wide[:3], verbose=0).tolist())
