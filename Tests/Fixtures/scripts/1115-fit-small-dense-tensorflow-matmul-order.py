# fit on a few-unit Dense layer: the training step's forward MatMul sums as TensorFlow's kernels do
# under Eigen (two chains for at most 8 units and for the rows left over from groups of 6, without
# FMA for the last 1 or 2), so the losses and the trained model's predictions come out as
# TensorFlow's in both Kerases.
import numpy as np
import tensorflow as tf

runs = [
    (3, 2, 10, 4, "sigmoid", "softmax", "sgd"),
    (4, 3, 33, 4, "sigmoid", None, "adam"),
    (12, 9, 10, 16, "relu", "sigmoid", "adam"),
]
for seed, width, rows, batch, hidden, top, optimizer in runs:
    tf.keras.utils.set_random_seed(seed)
    x = np.linspace(-1.0, 1.0, rows * width).reshape(rows, width).astype("float32") ** 3
    if top == "softmax":
        y, units, loss = tf.keras.utils.to_categorical(np.arange(rows) % 3, 3), 3, "categorical_crossentropy"
    elif top == "sigmoid":
        y, units, loss = (np.arange(rows) % 2).astype("float32"), 1, "binary_crossentropy"
    else:
        y, units, loss = x.sum(axis=1), 1, "mse"
    model = tf.keras.Sequential([
        tf.keras.Input((width,)),
        tf.keras.layers.Dense(4 if seed != 4 else 5, activation=hidden),
        tf.keras.layers.Dense(units, activation=top),
    ])
    model.compile(optimizer=optimizer, loss=loss)
    history = model.fit(x, y, epochs=5, batch_size=batch, shuffle=False, verbose=0)
    print(history.history["loss"])
    print(model.predict(x[:7], verbose=0).tolist())
