# A group normalization layer written the way older backbone repositories ship it: the grouped
# shape stacked from tf.shape pieces and plain numbers with K.stack, a reshape to it, moments
# over the grouped axes, and the reshape back to the input's dynamic shape.
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


class GroupNorm(layers.Layer):
    def __init__(self, groups=2, epsilon=1e-5, **kwargs):
        super().__init__(**kwargs)
        self.groups = groups
        self.epsilon = epsilon

    def build(self, input_shape):
        channels = input_shape[-1]
        self.gamma = self.add_weight(name="gamma", shape=(channels,), initializer="ones")
        self.beta = self.add_weight(name="beta", shape=(channels,), initializer="zeros")

    def call(self, inputs):
        static = K.int_shape(inputs)
        dynamic = K.shape(inputs)
        pieces = [dynamic[i] for i in range(len(static))]
        pieces[-1] = static[-1] // self.groups
        pieces.insert(1, self.groups)
        grouped = K.stack([pieces[0], self.groups] + pieces[2:])
        x = K.reshape(inputs, grouped)
        axes = list(range(2, len(static) + 1))
        mean = K.mean(x, axis=axes, keepdims=True)
        variance = K.var(x, axis=axes, keepdims=True)
        x = (x - mean) / K.sqrt(variance + self.epsilon)
        x = K.reshape(x, dynamic)
        return x * self.gamma + self.beta


inputs = keras.Input((4, 4, 6))
x = layers.Conv2D(6, 1, kernel_initializer="ones", name="mix")(inputs)
x = GroupNorm(groups=3, name="gn")(x)
outputs = layers.GlobalAveragePooling2D()(layers.Activation("relu")(x))
model = keras.Model(inputs, outputs)
model.summary()
data = np.cos(np.arange(2 * 96, dtype="float32")).reshape(2, 4, 4, 6)
print(np.round(model.predict(data, verbose=0), 4))
model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
history = model.fit(data, np.ones((2, 6), "float32"), epochs=2, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
