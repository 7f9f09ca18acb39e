# A layer that adds fresh noise on every call, and a Lambda drawing uniform noise: TensorFlow
# draws them anew each time, so only what does not depend on the draws is printed here.
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(11)


class Jitter(keras.layers.Layer):
    def __init__(self, scale=0.1, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, inputs):
        return inputs + self.scale * tf.random.normal(tf.shape(inputs))

    def get_config(self):
        config = super().get_config()
        config["scale"] = self.scale
        return config


net = keras.Sequential(
    [
        keras.Input((4,)),
        Jitter(0.5, name="jitter"),
        keras.layers.Dense(3, activation="relu"),
        keras.layers.Lambda(lambda t: t * tf.random.uniform(tf.shape(t)), name="shake"),
        keras.layers.Dense(1),
    ]
)
net.compile(optimizer="adam", loss="mse")
print(net.output_shape, net.count_params())
print(net.get_layer("jitter").get_config()["scale"])
x = np.arange(40, dtype="float32").reshape(10, 4) / 40.0
y = x.sum(axis=1, keepdims=True)
history = net.fit(x, y, epochs=3, batch_size=5, verbose=0)
print(sorted(history.history), len(history.history["loss"]))
print(net.predict(x, verbose=0).shape, net(x[:3]).shape)
print(history.params["steps"], history.params["epochs"])
