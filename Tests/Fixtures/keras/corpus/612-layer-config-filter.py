# Finding the large-kernel convolutions of a model by reading each layer's configuration.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 5, padding="same"),
    layers.Conv2D(16, 1),
    layers.Conv2D(16, 5, padding="same", groups=16),
    layers.GlobalAveragePooling2D(),
])
for index, layer in enumerate(model.layers):
    if isinstance(layer, layers.Conv2D):
        if layer.get_config()["kernel_size"] == (5, 5):
            print(index, layer.name)
