"""A custom layer with weights of its own: forward pass and training through build() / add_weight()."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Affine(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            name="kernel", shape=(input_shape[-1], self.units), initializer="ones", trainable=True
        )
        self.offset = self.add_weight(name="offset", shape=(self.units,), initializer="zeros")
        self.scale = self.add_weight(
            name="scale", shape=(self.units,), initializer="ones", trainable=False
        )
        super().build(input_shape)

    def call(self, inputs):
        return tf.nn.relu(tf.matmul(inputs, self.kernel) + self.offset) * self.scale


inputs = keras.Input(shape=(3,))
hidden = Affine(2, name="affine")(inputs)
outputs = layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(hidden)
model = keras.Model(inputs, outputs)
model.summary()
print(model.count_params(), len(model.trainable_weights), len(model.non_trainable_weights))
x = np.array([[1.0, 0.5, -1.0], [0.0, 2.0, 1.0], [1.5, -0.5, 0.5], [-1.0, 1.0, 2.0]], dtype="float32")
y = np.array([[1.0], [2.0], [0.5], [1.5]], dtype="float32")
print(np.round(model.predict(x, verbose=0), 4))
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
print(np.round(model.predict(x, verbose=0), 4))
print(round(float(model.evaluate(x, y, verbose=0)), 4))
