# Odd image sizes through same-padded pooling and strided convolutions (ceil division).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(75, 101, 3)),
    layers.Conv2D(16, 3, strides=2, padding="same"),
    layers.MaxPool2D(pool_size=3, strides=2, padding="same"),
    layers.Conv2D(32, 5, strides=3, padding="same"),
    layers.AveragePooling2D(2, padding="same"),
    layers.Conv2D(32, 3, strides=(1, 2), padding="same"),
    layers.MaxPooling2D(pool_size=(1, 3)),
    layers.Flatten(),
])
model.summary()
print(model.output_shape)

# %%
pool = layers.AveragePooling2D(padding="same")
print(pool.pool_size, pool.strides)
