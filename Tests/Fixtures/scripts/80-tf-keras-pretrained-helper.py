# A Keras 3 script that keeps an older tf_keras helper for its feature extractor.
import tensorflow as tf
from tensorflow import keras
import tf_keras


def legacy_feature_extractor(input_shape):
    """Written for tf-keras 2 (a pretrained-style convolutional base)."""
    base = tf_keras.Sequential(name="feature_extractor")
    base.add(tf_keras.layers.Conv2D(16, 3, activation="relu", input_shape=input_shape))
    base.add(tf_keras.layers.MaxPooling2D())
    base.add(tf_keras.layers.Conv2D(32, 3, activation="relu"))
    base.add(tf_keras.layers.GlobalAveragePooling2D())
    return base


base = legacy_feature_extractor((32, 32, 3))
base.summary()
print(base.output_shape, base.layers[0].name, base.layers[0].output_shape)

head = keras.Sequential([
    keras.Input(shape=base.output_shape[1:]),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
head.summary()
print([layer.name for layer in head.layers], head.count_params() + base.count_params())
