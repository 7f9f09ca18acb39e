# Data one axis short of a model's input whose last size is 1 (grayscale images stored as
# (N, H, W) for an Input of (H, W, 1)), or with an extra last axis of size 1: Keras adds or drops
# that axis before the layers run, in predict, evaluate, fit and a direct call. What still does
# not fit fails at the model's input or at the first layer that pins a size, in each Keras'
# words. Each model here sees one rank of data: after another rank TensorFlow traces predict
# again, and both Kerases then fail in ways of their own.
import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.keras.utils.set_random_seed(7)
pixels = np.linspace(-1.0, 1.0, 4 * 5 * 5).reshape(4, 5, 5).astype("float32")
labels = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]], dtype="float32")

image = keras.Input((5, 5, 1))
hidden = keras.layers.Conv2D(2, 3, activation="relu")(image)
hidden = keras.layers.GlobalAveragePooling2D()(hidden)
grayscale = keras.Model(image, keras.layers.Dense(2, activation="softmax")(hidden))
grayscale.compile(optimizer="sgd", loss="categorical_crossentropy")

print("predict on (4, 5, 5):", grayscale.predict(pixels, verbose=0).shape)
print(grayscale.predict(pixels, verbose=0))
print("evaluate:", round(grayscale.evaluate(pixels, labels, verbose=0), 5))
history = grayscale.fit(pixels, labels, epochs=2, batch_size=2, verbose=0)
print("fit:", [round(value, 5) for value in history.history["loss"]])
print("called:", grayscale(pixels[:2]).shape)

again = keras.Model(image, grayscale.output)
print("an extra axis of 1:", np.array_equal(
    again.predict(pixels[..., None, None], verbose=0), grayscale.predict(pixels, verbose=0)))

single = keras.Sequential([keras.Input((1,)), keras.layers.Dense(3)])
print("a flat vector into Input((1,)):", single.predict(np.arange(4.0), verbose=0).shape)
column = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
print("(4, 3, 1) into Input((3,)):", column.predict(np.ones((4, 3, 1)), verbose=0).shape)


def report(what, step):
    try:
        step()
        print(what, "ran")
    except ValueError as error:
        print(what, "->", error)


report("three channels", lambda: grayscale(tf.zeros((2, 5, 5, 3))))
report("wrong width", lambda: grayscale(tf.zeros((2, 5, 6))))
if hasattr(keras, "ops"):
    # Keras 3 names the batch as its predict step traced it.
    fresh = keras.Model(image, grayscale.output)
    report("three channels, predict", lambda: fresh.predict(np.zeros((2, 5, 5, 3)), verbose=0))
else:
    report("two axes short", lambda: grayscale(tf.zeros((2, 5))))
