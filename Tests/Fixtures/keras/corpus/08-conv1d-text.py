# A 1D CNN for text classification on pre-computed 128-d word vectors.
from tensorflow import keras
from tensorflow.keras import layers

max_len = 200
embedding_dim = 128

inputs = keras.Input(shape=(max_len, embedding_dim), name='word_vectors')
model = keras.Sequential([
    inputs,
    layers.Dropout(0.5),
    layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3),
    layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3),
    layers.GlobalMaxPooling1D(),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(1, activation="sigmoid", name="predictions"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()
print(model.layers[1].output_shape)
