# Training fixture graph_inception_adam: an Inception-style block: 1x1, 3x3 and pooled branches, Concatenate, Maximum, Minimum, adam.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(7, 7, 4))
a = layers.Conv2D(3, 1, activation='relu')(inputs)
b = layers.Conv2D(2, 1, activation='relu')(inputs)
b = layers.Conv2D(3, 3, padding='same', activation='relu')(b)
c = layers.MaxPooling2D(3, strides=1, padding='same')(inputs)
c = layers.Conv2D(2, 1, activation='relu')(c)
m = layers.Maximum()([a, b])
n = layers.Minimum()([a, b])
x = layers.Concatenate()([a, b, c, m, n])
x = layers.GlobalMaxPooling2D()(x)
outputs = layers.Dense(4)(x)
model = keras.Model(inputs, outputs, name='inception')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
