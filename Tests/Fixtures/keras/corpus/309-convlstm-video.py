# Next-frame prediction on moving-digit videos: stacked ConvLSTM2D layers with batch
# normalization read 10 frames of 40x40 and a Conv3D maps the last hidden states to pixels
# (the Keras example "Next-frame prediction with Conv-LSTM", smaller).
from tensorflow import keras
from tensorflow.keras import layers

inp = layers.Input(shape=(None, 40, 40, 1))
x = layers.ConvLSTM2D(filters=16, kernel_size=(5, 5), padding="same", return_sequences=True,
                      activation="relu")(inp)
x = layers.BatchNormalization()(x)
x = layers.ConvLSTM2D(filters=16, kernel_size=(3, 3), padding="same", return_sequences=True,
                      activation="relu")(x)
x = layers.BatchNormalization()(x)
x = layers.ConvLSTM2D(filters=16, kernel_size=(1, 1), padding="same", return_sequences=True,
                      activation="relu")(x)
x = layers.Conv3D(filters=1, kernel_size=(3, 3, 3), activation="sigmoid", padding="same")(x)
model = keras.models.Model(inp, x)
model.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adam())
model.summary()
