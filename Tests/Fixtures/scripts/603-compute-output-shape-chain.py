# A dilated residual block that builds its layers one after the other on the shapes
# compute_output_shape gives (the way temporal convolution blocks are written), plus the
# values compute_output_shape returns for tuples, lists and TensorShapes.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class DilatedBlock(layers.Layer):
    def __init__(self, filters, dilation, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.dilation = dilation
        self.steps = []

    def _add(self, layer):
        self.steps.append(layer)
        layer.build(self.shape)
        self.shape = layer.compute_output_shape(self.shape)
        print(" ", layer.name, type(self.shape).__name__, tuple(self.shape))

    def build(self, input_shape):
        self.shape = input_shape
        self._add(layers.Conv1D(self.filters, 3, padding="causal", dilation_rate=self.dilation,
                                kernel_initializer="ones", name=self.name + "_conv"))
        self._add(layers.LayerNormalization(name=self.name + "_norm"))
        self._add(layers.Activation("relu", name=self.name + "_relu"))
        self._add(layers.SpatialDropout1D(0.1, name=self.name + "_drop"))
        self.match = layers.Lambda(lambda x: x, name="identity_" + self.name)
        self.match.build(input_shape)
        print(" ", self.match.name, tuple(self.match.compute_output_shape(input_shape)))
        super().build(input_shape)

    def call(self, inputs, training=None):
        x = inputs
        for layer in self.steps:
            x = layer(x)
        return layers.add([self.match(inputs), x])


inputs = tf.keras.Input(shape=(12, 4))
x = DilatedBlock(4, 1, name="block_a")(inputs)
x = DilatedBlock(4, 2, name="block_b")(x)
model = tf.keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
model.summary()
print(model.predict(np.linspace(-1, 1, 2 * 12 * 4).reshape(2, 12, 4), verbose=0).round(3))

for layer in [layers.Dense(3), layers.Flatten(), layers.MaxPooling1D(2), layers.Dropout(0.5),
              layers.BatchNormalization(), layers.GlobalMaxPooling1D(),
              layers.Conv1D(5, 3, strides=2)]:
    for shape in [(None, 10, 6), [8, 10, 6], tf.TensorShape([None, 10, 6])]:
        result = layer.compute_output_shape(shape)
        print(layer.__class__.__name__, type(result).__name__, result, result == shape)
    print(layer.__class__.__name__, "built:", layer.built)
