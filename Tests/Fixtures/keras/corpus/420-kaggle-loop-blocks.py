# Kaggle-style Sequential built in loops: conv blocks with a list of widths and growing dropout.
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, BatchNormalization, MaxPooling2D, Dropout, Flatten, Dense

widths = [32, 64, 128]
model = Sequential()
for i, width in enumerate(widths):
    if i == 0:
        model.add(Conv2D(width, (3, 3), padding="same", activation="relu", input_shape=(48, 48, 1)))
    else:
        model.add(Conv2D(width, (3, 3), padding="same", activation="relu"))
    model.add(BatchNormalization(momentum=0.9, epsilon=1e-5))
    model.add(Conv2D(width, (3, 3), padding="same", activation="relu"))
    model.add(BatchNormalization(momentum=0.9, epsilon=1e-5))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.2 + 0.1 * i))
model.add(Flatten())
model.add(Dense(512, activation="relu"))
model.add(BatchNormalization())
model.add(Dropout(0.5))
model.add(Dense(7, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), metrics=["accuracy"])
model.summary()
print(len(model.layers), model.layers[-1].output_shape if hasattr(model.layers[-1], "output_shape") else model.layers[-1].output.shape)
