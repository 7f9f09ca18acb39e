# Training fixture graph_squeeze_excite_adam: a squeeze-and-excitation block: Multiply by a Reshape of a sigmoid gate, tensor arithmetic, Average, adam.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5, 5, 4))
x = layers.Conv2D(6, 3, padding='same', activation='relu')(inputs)
s = layers.GlobalAveragePooling2D()(x)
s = layers.Dense(2, activation='relu')(s)
s = layers.Dense(6, activation='sigmoid')(s)
s = layers.Reshape((1, 1, 6))(s)
y = layers.Multiply()([x, s])
y = y * 2.0 + x
y = layers.Average()([y, x - 0.5])
y = layers.Flatten()(y)
outputs = layers.Dense(2, activation='sigmoid')(y)
model = keras.Model(inputs, outputs, name='squeeze_excite')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='binary_crossentropy', metrics=['accuracy'])
