# Learning-rate schedules: their values at a few steps, their configs, and training with them.
import numpy as np
import tensorflow as tf
from tensorflow import keras

schedules = keras.optimizers.schedules
decay = schedules.ExponentialDecay(0.05, decay_steps=4, decay_rate=0.5, staircase=True)
smooth = schedules.ExponentialDecay(initial_learning_rate=1e-2, decay_steps=7, decay_rate=0.5)
steps = schedules.PiecewiseConstantDecay(boundaries=[3, 8], values=[0.1, 0.02, 0.004])
cosine = schedules.CosineDecay(0.2, 40, alpha=0.05)
inverse = schedules.InverseTimeDecay(0.3, decay_steps=5, decay_rate=0.25, staircase=False)
poly = schedules.PolynomialDecay(0.1, 30, end_learning_rate=0.001, power=0.5)
for schedule in [decay, smooth, steps, cosine, inverse, poly]:
    print(type(schedule).__name__, schedule(6))
    print("  ", [round(float(schedule(s)), 8) for s in (0, 3, 4, 9, 40, 1000)])
    print("  ", schedule.get_config())
print(float(smooth(1000)), float(smooth(990)))

net = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3), keras.layers.Dense(1)])
start = [np.full(w.shape, 0.2, "float32") for w in net.get_weights()]
x = np.linspace(-1, 1, 24, dtype="float32").reshape(12, 2)
y = (x[:, 0] - 2 * x[:, 1]).reshape(12, 1)
for schedule in [decay, steps]:
    net.set_weights(start)
    net.compile(optimizer=keras.optimizers.SGD(learning_rate=schedule, momentum=0.5), loss="mse")
    history = net.fit(x, y, epochs=3, batch_size=3, shuffle=False, verbose=0)
    print([round(loss, 5) for loss in history.history["loss"]])
