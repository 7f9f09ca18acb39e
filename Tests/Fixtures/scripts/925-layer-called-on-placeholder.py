# Lecture notes leave `...` where the previous block's output goes, or pass None from a helper
# that forgot to return: layers that check their input's spec name the value; Keras 3 refuses any
# value that is no tensor before that.
from tensorflow import keras
from tensorflow.keras import layers

placeholders = [..., None, "features"]
makers = [
    lambda: layers.Conv2D(32, 3, name="stem"),
    lambda: layers.Dense(8),
    lambda: layers.Flatten(),
    lambda: layers.MaxPooling2D(),
    lambda: layers.GlobalAveragePooling2D(name="pool"),
    lambda: layers.LSTM(4),
    lambda: layers.UpSampling2D(),
    lambda: layers.ZeroPadding2D(),
]
for value in placeholders:
    for make in makers:
        try:
            make()(value)
        except (TypeError, ValueError) as error:
            print(type(error).__name__, error)

x = ...
inputs = keras.Input((32, 32, 3))
y = layers.Conv2D(16, 3, padding="same")(inputs)
y = layers.Conv2D(128, 3)(x)
