# keras.layers.InputSpec in custom layers: Layer.__init__ resets input_spec to None (a spec set
# before super().__init__() has no effect), a spec set after it is checked against every call's
# inputs (rank, known axis sizes) before the layer builds.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.layers import Layer, InputSpec


class BorderPad(Layer):
    def __init__(self, border=1, **kwargs):
        self.border = border
        self.input_spec = [InputSpec(ndim=4)]
        super(BorderPad, self).__init__(**kwargs)

    def call(self, images):
        b = self.border
        return tf.pad(images, [[0, 0], [b, b], [b, b], [0, 0]])


class ChannelScale(Layer):
    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.channels = channels
        self.input_spec = InputSpec(min_ndim=3, axes={-1: channels})

    def build(self, input_shape):
        self.gain = self.add_weight(name="gain", shape=(self.channels,), initializer="ones")

    def call(self, x):
        return x * self.gain


class Volume(Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.input_spec = [InputSpec(shape=(None, 8, 8, 2))]

    def call(self, x):
        return x + 1.0


print(InputSpec(ndim=4), InputSpec(max_ndim=3, axes={1: 5, -1: None}), InputSpec(shape=(None, 4)))
spec = InputSpec(min_ndim=2, axes={-1: 7})
print(spec.ndim, spec.min_ndim, spec.max_ndim, spec.axes, spec.shape, type(spec).__name__)

pad = BorderPad(2, name="border")
print("spec set before __init__:", pad.input_spec)
images = keras.Input(shape=(8, 8, 2))
padded = pad(images)
scaled = ChannelScale(2, name="scale")(padded)
moved = Volume(name="volume")(images)
print(padded.shape, scaled.shape, moved.shape)
print(ChannelScale(3).input_spec)

for bad, layer in [((8, 8, 3), ChannelScale(2, name="wrong_channels")),
                   ((6, 2), ChannelScale(2, name="too_flat")),
                   ((8, 9, 2), Volume(name="wrong_volume"))]:
    try:
        layer(keras.Input(shape=bad))
    except ValueError as err:
        print(err)
model = keras.Model(images, [scaled, moved], name="specs")
model.summary()
