# CRNN for reading text lines (OCR): a small convolutional feature extractor over a 32x128
# grey image, the width turned into the time axis, two bidirectional GRUs and a per-step
# softmax over the characters plus the CTC blank.
from tensorflow import keras
from tensorflow.keras import layers

num_chars = 36
inputs = keras.Input(shape=(32, 128, 1), name="image")
x = layers.Conv2D(32, (3, 3), padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Conv2D(64, (3, 3), padding="same", activation="relu")(x)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.BatchNormalization()(x)
x = layers.Permute((2, 1, 3))(x)
x = layers.Reshape((32, 8 * 64))(x)
x = layers.Dense(64, activation="relu")(x)
x = layers.Dropout(0.25)(x)
x = layers.Bidirectional(layers.GRU(128, return_sequences=True, dropout=0.25))(x)
x = layers.Bidirectional(layers.GRU(64, return_sequences=True), merge_mode="sum")(x)
outputs = layers.Dense(num_chars + 1, activation="softmax", name="chars")(x)
model = keras.Model(inputs, outputs, name="crnn")
model.summary()
