# A tower shared by three inputs (a triplet network) and by four: TensorFlow's tape adds a shared
# weight's per-call gradients in the order of the calls, ((g0 + g1) + g2) + g3, which the last
# digits of the losses and predictions after training show.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(11)
tower = keras.Sequential(
    [keras.Input((4,)), layers.Dense(5, activation="tanh"), layers.Dense(3)], name="tower")
anchor, positive, negative = (keras.Input((4,), name=n) for n in ("anchor", "positive", "negative"))
a, p, n = tower(anchor), tower(positive), tower(negative)
near = layers.Subtract()([a, p])
far = layers.Multiply()([layers.Subtract()([a, n]), n])
triplet = keras.Model([anchor, positive, negative], layers.Concatenate()([near, far]))
triplet.compile(optimizer=keras.optimizers.SGD(0.2), loss="mse")
rng = np.random.RandomState(5)
data = [rng.rand(36, 4).astype("float32") for _ in range(3)]
history = triplet.fit(data, rng.rand(36, 6).astype("float32"), epochs=4, batch_size=12, verbose=0)
print(history.history["loss"])
print(triplet.predict([d[:3] for d in data], verbose=0))

keras.utils.set_random_seed(4)
shared = keras.Sequential([keras.Input((3,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
inputs = [keras.Input((3,)) for _ in range(4)]
outs = [shared(x) for x in inputs]
mixed = layers.Subtract()([layers.Multiply()([outs[3], outs[1]]), outs[0]])
other = layers.Subtract()([outs[2], outs[0]])
four = keras.Model(inputs, layers.Concatenate()([mixed, other]))
four.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
xs = [rng.rand(20, 3).astype("float32") for _ in range(4)]
four.fit(xs, rng.rand(20, 4).astype("float32"), epochs=3, batch_size=5, verbose=0)
print(four.predict([x[:2] for x in xs], verbose=0))
