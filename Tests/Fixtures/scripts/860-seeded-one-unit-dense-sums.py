# A network ending in one unit trains on a tiny truth table: the last layer's products over its
# 12 inputs are summed in TensorFlow's matrix-vector order, in fit and in predict.
import numpy as np
import keras

keras.utils.set_random_seed(7)
table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype="float32")
target = np.array([0, 1, 1, 0], dtype="float32")

net = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        keras.layers.Dense(12, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
net.compile(optimizer=keras.optimizers.SGD(learning_rate=0.8), loss="binary_crossentropy")
history = net.fit(table, target, epochs=60, shuffle=False, verbose=0)
print([round(v, 9) for v in history.history["loss"][-3:]])
print(net.predict(table, verbose=0))

# A regression head of 20 inputs (a whole lane step of 16 and a block of 4).
rows = np.linspace(-1.0, 1.0, 60, dtype="float32").reshape(6, 10)
features = np.concatenate([rows, rows[::-1] * 0.5], axis=1)
values = features.sum(axis=1) * 0.3
head = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(1)])
head.compile(optimizer="sgd", loss="mse")
fitted = head.fit(features, values, epochs=25, batch_size=3, shuffle=False, verbose=0)
print(fitted.history["loss"][-1])
print(head.predict(features, verbose=0).ravel())
