# The first network of many courses: one Dense unit learns y = 2x - 1 from 1-D NumPy arrays,
# which Keras feeds to an input of shape (1,) as a column.
import numpy as np
import tensorflow as tf

xs = np.array([-2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
ys = 2.0 * xs - 1.0
model = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(1, kernel_initializer="ones")])
model.compile(optimizer="sgd", loss="mean_squared_error")
history = model.fit(xs, ys, epochs=4, verbose=0)
print([round(loss, 3) for loss in history.history["loss"]])
print(round(model.evaluate(xs, ys, verbose=0), 3))
print(model.predict(np.array([10.0]), verbose=0).shape)
print(model.predict(xs, verbose=0).shape)
