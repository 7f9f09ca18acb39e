"""predict on one image without its batch axis: Keras takes the image's rows as the batch, so the
data is a rank short by more than the channel axis."""
import numpy as np
import keras

model = keras.Sequential(
    [
        keras.layers.Input(shape=(8, 8, 3)),
        keras.layers.Conv2D(4, 3, padding="same"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(2, activation="softmax"),
    ]
)
image = np.zeros((8, 8, 3), dtype="float32")
print(image.shape)
model.predict(image, verbose=0)
