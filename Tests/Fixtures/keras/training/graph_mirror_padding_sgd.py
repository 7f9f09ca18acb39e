# Training fixture graph_mirror_padding_sgd: a CycleGAN-style block: a custom ReflectionPadding2D layer (tf.pad REFLECT in call), a custom instance normalisation (tf.nn.moments), a Lambda with tf.pad SYMMETRIC, a residual Add, sgd.
from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf

class ReflectPad(layers.Layer):
    def __init__(self, padding=(1, 1), **kwargs):
        super().__init__(**kwargs)
        self.padding = tuple(padding)

    def call(self, x):
        h, w = self.padding
        return tf.pad(x, [[0, 0], [h, h], [w, w], [0, 0]], 'REFLECT')

class InstanceNorm(layers.Layer):
    def call(self, x):
        mean, variance = tf.nn.moments(x, axes=[1, 2], keepdims=True)
        return (x - mean) / tf.sqrt(variance + 1e-5)

inputs = keras.Input(shape=(6, 6, 2))
x = ReflectPad((2, 1))(inputs)
x = layers.Conv2D(4, (5, 3), activation='relu')(x)
y = ReflectPad()(x)
y = layers.Conv2D(4, 3, use_bias=False)(y)  # (a bias before a normalisation gets no gradient)
y = InstanceNorm()(y)
y = layers.Add()([x, y])
y = layers.Lambda(lambda t: tf.pad(t, [[0, 0], [0, 2], [1, 1], [0, 0]], mode='symmetric'))(y)
y = layers.Conv2D(3, 3, strides=2)(y)
outputs = layers.Dense(3, activation='softmax')(layers.Flatten()(y))
model = keras.Model(inputs, outputs, name='mirror_padding')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
