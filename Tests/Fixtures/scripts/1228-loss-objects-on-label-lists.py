# Loss objects called on a Python list of labels and a tensor of predictions, as a chapter on
# losses does: tf-keras converts the list, Keras 3 pairs the two structures leaf by leaf.
import tensorflow as tf
import keras

probabilities = tf.constant([0.7])
binary = keras.losses.BinaryCrossentropy()
attempts = [
    ("list", lambda: binary([1], probabilities)),
    ("tuple", lambda: binary((1,), probabilities)),
    ("lists", lambda: binary([1], [0.7])),
    ("tensor, list", lambda: binary(tf.constant([1.0]), [0.7])),
    ("sparse", lambda: keras.losses.SparseCategoricalCrossentropy()([2], tf.constant([[0.1, 0.2, 0.7]]))),
    ("mse", lambda: keras.losses.MeanSquaredError()([1.0, 0.0], tf.constant([0.5, 0.5]))),
]
for label, attempt in attempts:
    try:
        print(label, "{:.4f}".format(float(attempt())))
    except ValueError as error:
        print(label, type(error).__name__, error)
