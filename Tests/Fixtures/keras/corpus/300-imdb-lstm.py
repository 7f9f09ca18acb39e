# Sentiment classification of movie reviews: padded word ids, an Embedding that masks the
# padding, a stacked LSTM and a sigmoid output (the classic IMDB recipe).
from tensorflow import keras
from tensorflow.keras import layers

vocab_size = 20000
maxlen = 200

model = keras.Sequential([
    keras.Input(shape=(maxlen,), dtype="int32"),
    layers.Embedding(vocab_size, 128, mask_zero=True),
    layers.LSTM(64, return_sequences=True, dropout=0.2, recurrent_dropout=0.2),
    layers.LSTM(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()
print(model.layers[2].count_params())
print(model.layers[1].count_params())
