# Edge cases that Keras accepts.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(5, 5, 3)),
    layers.Conv2D(4, 5),                       # kernel == input: 1x1 output
    layers.MaxPooling2D(pool_size=3, padding='same'),   # pool > input with same padding
    layers.Conv2D(2, 1, strides=3, padding='same'),
    layers.Flatten(),
    layers.Dense(0),                           # zero units is allowed
])
model.summary()

tiny = keras.Sequential([
    keras.Input(shape=(1,)),
    layers.Dense(1, use_bias=False),
    layers.Dropout(0.0),
    layers.Dropout(0.999),
])
tiny.summary()
print(tiny.count_params())

pool_exact = keras.Sequential([keras.Input(shape=(3, 3, 1)), layers.MaxPooling2D(3), layers.AveragePooling2D(1)])
pool_exact.summary()
