# Batches of 8 rows and more: the batch loss, the mae metric and a one-unit layer's bias gradient
# are sums TensorFlow adds in Eigen's packets, not one row after another.
import numpy as np
import keras

rows = np.linspace(-2.0, 2.0, 120).reshape(40, 3).astype("float32")
one = (rows[:, :1] * 0.3 - rows[:, 1:2] * rows[:, 2:] * 0.1 + 0.25).astype("float32")
wide = np.tile(one, (1, 10)) * np.linspace(0.5, 1.5, 10).astype("float32")

for units, target, batch in ((1, one, 12), (1, one, 40), (10, wide, 16)):
    keras.utils.set_random_seed(21)
    model = keras.Sequential(
        [
            keras.Input(shape=(3,)),
            keras.layers.Dense(6, activation="relu"),
            keras.layers.Dense(units),
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse", metrics=["mae", "mse"])
    history = model.fit(rows, target, epochs=5, batch_size=batch, shuffle=False, verbose=0)
    print(units, batch, history.history["loss"])
    print(history.history["mae"])
    print(model.predict(rows[:3], verbose=0)[:, :3])
    loss, mae, mse = model.evaluate(rows, target, batch_size=batch, verbose=0)
    print(loss, mse)
