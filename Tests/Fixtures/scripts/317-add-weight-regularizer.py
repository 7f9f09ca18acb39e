"""A custom layer whose weight has an L2 regularizer (add_weight(regularizer=...)): the summary,
and fit's losses counting the penalty as Keras counts it."""
import numpy as np
from tensorflow import keras


class Gain(keras.layers.Layer):
    def build(self, input_shape):
        self.gain = self.add_weight(name="gain", shape=(input_shape[-1],), initializer="ones",
                                    regularizer=keras.regularizers.l2(0.1))

    def call(self, x):
        return x * self.gain


inputs = keras.Input((3,))
outputs = keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(Gain()(inputs))
model = keras.Model(inputs, outputs, name="gained")
model.summary()
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
x = np.array([[1.0, 0.5, -0.5], [0.0, 1.0, 1.0], [2.0, -1.0, 0.0], [1.0, 1.0, 1.0]], dtype="float32")
y = np.array([[0.5], [1.0], [0.0], [2.0]], dtype="float32")
history = model.fit(x, y, epochs=3, batch_size=2, shuffle=False, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
print(np.round(model.layers[1].get_weights()[0], 4))
