from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(6, 10))
memory = keras.Input(shape=(7, 9))
keys = keras.Input(shape=(7, 5))
cross = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, output_shape=(2, 3),
                                  use_bias=False)(query, memory, key=keys)
image = keras.Input(shape=(4, 5, 6))
spatial = layers.MultiHeadAttention(num_heads=2, key_dim=3, attention_axes=(1, 2))(image, image)
rows = layers.MultiHeadAttention(num_heads=1, key_dim=4, attention_axes=2)(spatial, image)
model = keras.Model([query, memory, keys, image], [cross, rows])
