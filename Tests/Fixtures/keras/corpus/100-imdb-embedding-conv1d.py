# IMDB sentiment with a 1D CNN over word embeddings (Embedding -> Conv1D -> GlobalMaxPooling1D).
from tensorflow import keras
from tensorflow.keras import layers

max_features = 20000
embedding_dim = 128
sequence_length = 500

# %%
model = keras.Sequential([
    layers.Embedding(max_features, embedding_dim, input_length=sequence_length),
    layers.Dropout(0.5),
    layers.Conv1D(128, 7, padding='valid', activation='relu', strides=3),
    layers.Conv1D(128, 7, padding='valid', activation='relu', strides=3),
    layers.GlobalMaxPooling1D(),
    layers.Dense(128, activation='relu'),
    layers.Dropout(0.5),
    layers.Dense(1, activation='sigmoid', name='predictions'),
])
model.summary()
print(model.input_shape, model.output_shape)
print(model.layers[0].name, model.layers[0].output_shape, model.layers[0].count_params())

# %%
text_cnn = keras.Sequential()
text_cnn.add(layers.Embedding(10000, 16, mask_zero=True))
text_cnn.add(layers.Conv1D(32, 5, activation='relu'))
text_cnn.add(layers.GlobalMaxPooling1D())
text_cnn.add(layers.Dense(1))
text_cnn.summary()
print(text_cnn.input_shape)

# %%
inputs = keras.Input(shape=(None,), dtype='int64')
x = layers.Embedding(5000, 64, embeddings_initializer='he_normal')(inputs)
x = layers.Conv1D(64, 3, activation='relu')(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(1, activation='sigmoid')(x)
functional = keras.Model(inputs, outputs)
functional.summary()

# %%
given = keras.Sequential([
    layers.Embedding(1000, 8, input_shape=(40,)),
    layers.Flatten(),
    layers.Dense(4),
])
given.summary()

# %%
print(model.input.name, text_cnn.input.name, given.input.name)
print(model.layers[0].input_shape, text_cnn.layers[0].output_shape)

# %%
emb = text_cnn.layers[0]
print(emb.input_dim, emb.output_dim, emb.mask_zero, emb.embeddings.shape)
