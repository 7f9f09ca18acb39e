from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(5, 6))
value = keras.Input(shape=(7, 4))
key = keras.Input(shape=(7, 6))
dot = layers.Attention(use_scale=True)([query, value, key])
concat = layers.Attention(use_scale=True, score_mode="concat")([query, value, key])
additive = layers.AdditiveAttention()([query, key])
plain = layers.AdditiveAttention(use_scale=False)([query, key, key])
image = keras.Input(shape=(3, 5, 6))
rows = layers.Attention(use_scale=True)([image, image])
model = keras.Model([query, value, key, image],
                    [layers.Concatenate()([dot, concat, additive, plain]), rows])
