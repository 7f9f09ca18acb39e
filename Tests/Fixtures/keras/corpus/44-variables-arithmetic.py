# Hyperparameters in variables, arithmetic in arguments, comments, trailing commas.
from tensorflow import keras
from tensorflow.keras import layers

IMG_SIZE = 64
CHANNELS = 3
BASE = 16
KERNEL = (3, 3)
NUM_CLASSES = 2 + 3  # five flower types
DROP = 0.1 * 2

input_shape = (IMG_SIZE, IMG_SIZE, CHANNELS,)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(BASE, KERNEL, padding="same", activation="relu",),
        layers.Conv2D(BASE * 2, kernel_size=KERNEL, strides=(2, 2),),   # halve
        layers.Conv2D(filters=BASE * 4, kernel_size=(KERNEL[0], 1), ),
        layers.MaxPooling2D(pool_size=(2, 2),),
        layers.Flatten(),
        layers.Dense(units=IMG_SIZE // 2 + 1, activation="relu"),
        layers.Dropout(rate=DROP),
        layers.Dense(NUM_CLASSES),
    ],
    name="hyper_" + str(BASE),
)
model.summary()
print(model.count_params(), 7*7*256)
