# A padded-sequence classifier: an Embedding that masks index 0, two stacked LSTMs and a head;
# its tensors and summary, then a model grown with add() after the masking layer.
from tensorflow import keras
from tensorflow.keras import layers

reviews = keras.Sequential([
    keras.Input((40,), dtype="int32"),
    layers.Embedding(500, 16, mask_zero=True),
    layers.LSTM(12, return_sequences=True),
    layers.LSTM(6),
    layers.Dense(1, activation="sigmoid"),
], name="reviews")
reviews.summary()
print(reviews.output.shape)
print([layer.output.shape for layer in reviews.layers])

# %%
grown = keras.Sequential([keras.Input((9, 2)), layers.Masking(mask_value=0.0)])
grown.add(layers.SimpleRNN(3, return_sequences=True))
grown.add(layers.GRU(4))
grown.add(layers.Dense(2))
grown.summary()
