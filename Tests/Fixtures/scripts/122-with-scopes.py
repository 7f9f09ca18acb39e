"""Model definitions wrapped in TensorFlow's scopes: a distribution strategy, a device, a name scope."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

strategy = tf.distribute.MirroredStrategy()
print("Number of devices: {}".format(strategy.num_replicas_in_sync))

with strategy.scope():
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(10),
        ],
        name="mirrored",
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.summary()

with tf.device("/CPU:0"):
    inputs = keras.Input(shape=(16,))
    with tf.name_scope("encoder") as scope:
        print("scope:", scope)
        x = layers.Dense(8, activation="relu")(inputs)
    outputs = layers.Dense(1)(x)
encoder = keras.Model(inputs, outputs)
print([layer.name for layer in encoder.layers])

with tf.distribute.get_strategy().scope(), tf.device("/CPU:0"):
    print(encoder.count_params())
