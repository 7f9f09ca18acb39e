# Inside predict, evaluate and fit Keras runs the model as a tf.function, and TensorFlow's
# graph optimizer replaces a division by a float constant with a product by its reciprocal
# (x * float32(1 / c)); a model called eagerly divides. The two differ in the last digit of some
# values: a Lambda, an operator on Keras tensors and a per-channel constant show it, and a fit
# through such a division trains with the reciprocal too (the gradient's division also).
import numpy as np
from tensorflow import keras

x = (np.arange(48, dtype="float32") * 0.731 + 0.37).reshape(16, 3)

inp = keras.Input((3,))
out = inp / 7.3
by_operator = keras.Model(inp, out)
by_lambda = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t / 7.3)])
inp2 = keras.Input((3,))
per_channel = keras.Model(inp2, inp2 / np.array([0.229, 0.224, 0.225], "float32"))

for name, model in [("operator", by_operator), ("lambda", by_lambda), ("channels", per_channel)]:
    graph = model.predict(x, verbose=0)
    eager = np.asarray(model(x))
    print(name, graph[:3].tolist())
    print(name, "eager", eager[:3].tolist())
    print(name, "differs in", int((graph != eager).sum()), "values")

keras.utils.set_random_seed(11)
inputs = keras.Input((3,))
hidden = keras.layers.Dense(4, activation="tanh")(inputs)
scaled = keras.layers.Lambda(lambda t: t / 0.37)(hidden)
outputs = keras.layers.Dense(2)(scaled)
model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
y = np.sin(x[:, :2])
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0)
print([float(v) for v in history.history["loss"]])
print(model.get_weights()[0].tolist())
print(model.predict(x[:4], verbose=0).tolist())
