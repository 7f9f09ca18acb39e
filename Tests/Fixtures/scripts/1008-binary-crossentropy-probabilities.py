# Binary crossentropy of probabilities: tf-keras takes log(p + 1e-7) after clipping p to
# [1e-7, 1 - 1e-7], Keras 3 takes log(p) of the clipped value, so the last digits differ.
import numpy as np
from tensorflow import keras

labels = [[1.0], [0.0], [1.0], [0.0]]
scores = [[0.9], [0.25], [0.55], [0.4]]
print("object:", float(keras.losses.BinaryCrossentropy()(labels, scores)))
print("extremes:", float(keras.losses.BinaryCrossentropy()([[1.0], [0.0]], [[1.0], [0.0]])))
per_row = keras.losses.binary_crossentropy(
    np.array(labels, "float32"), np.array(scores, "float32"))
print("per row:", [round(float(v), 7) for v in per_row])

# A model whose output is clipped (not a sigmoid), so the loss reads probabilities.
x = np.array([[0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.5, 0.25]], "float32")
y = np.array([[0.0], [1.0], [0.0], [1.0]], "float32")
model = keras.Sequential([
    keras.Input((2,)),
    keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros"),
    keras.layers.Activation("hard_sigmoid"),
])
model.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy")
print("evaluate:", model.evaluate(x, y, verbose=0))
history = model.fit(x, y, epochs=3, batch_size=4, verbose=0)
print("fit:", [round(v, 6) for v in history.history["loss"]])
print("weights:", np.round(model.get_weights()[0].ravel(), 6))
