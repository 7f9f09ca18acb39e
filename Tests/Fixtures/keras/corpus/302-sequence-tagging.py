# Named-entity tagging: every word of a padded sentence gets a tag. A bidirectional LSTM reads
# the sentence both ways and a Dense layer scores the tags at each position.
from tensorflow import keras
from tensorflow.keras import layers

n_words, n_tags, max_len = 35179, 17, 50
inp = keras.Input(shape=(max_len,))
emb = layers.Embedding(input_dim=n_words, output_dim=50, mask_zero=True)(inp)
x = layers.SpatialDropout1D(0.1)(emb)
x = layers.Bidirectional(layers.LSTM(units=100, return_sequences=True, recurrent_dropout=0.1))(x)
out = layers.Dense(n_tags, activation="softmax")(x)
model = keras.Model(inp, out)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()
for layer in model.layers:
    print(layer.name, layer.count_params())
