# Adam and AdamW with amsgrad=True: the step divides by the largest second moment seen so far,
# in fit and in a custom loop's apply_gradients.
import numpy as np
import tensorflow as tf
from tensorflow import keras

inputs = np.array([[1.0, -2.0], [0.5, 3.0], [-1.5, 0.25], [2.0, 1.0]], dtype="float32")
targets = np.array([[3.0], [-1.0], [0.5], [10.0]], dtype="float32")

for make in (lambda: keras.optimizers.Adam(learning_rate=0.05, amsgrad=True),
             lambda: keras.optimizers.AdamW(learning_rate=0.05, amsgrad=True)):
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3)),
        keras.layers.Dense(1, kernel_initializer=keras.initializers.Constant(-0.2)),
    ])
    optimizer = make()
    print(type(optimizer).__name__, optimizer.get_config()["amsgrad"])
    model.compile(optimizer=optimizer, loss="mse")
    history = model.fit(inputs, targets, epochs=6, batch_size=2, shuffle=False, verbose=0)
    print(history.history["loss"])

weight = tf.Variable([1.0, -1.0, 0.5])
optimizer = keras.optimizers.Adam(learning_rate=0.1, amsgrad=True)
for scale in (4.0, 0.5, 0.25, 2.0):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(weight * weight) * scale
    gradient = tape.gradient(loss, [weight])
    optimizer.apply_gradients(zip(gradient, [weight]))
    print(weight.numpy())
