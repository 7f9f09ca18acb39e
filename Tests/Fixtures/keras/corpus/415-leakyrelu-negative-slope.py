# LeakyReLU spelled with Keras 3's argument name, and ReLU options.
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(32, 3, padding="same"),
    layers.LeakyReLU(negative_slope=0.1),
    layers.Conv2D(32, 3, padding="same"),
    layers.ReLU(max_value=6.0, negative_slope=0.0, threshold=0.0),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()

# %%
model2 = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(32, 3, padding="same"),
    layers.LeakyReLU(0.3),
    layers.ELU(alpha=1.0),
    layers.PReLU(shared_axes=[1, 2]),
    layers.GlobalAveragePooling2D(),
    layers.Softmax(axis=-1),
])
model2.summary()
