# Cross-attention between two inputs: image patch features query a set of text-like tokens.
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(16, 16, 3), name='image')
tokens = keras.Input(shape=(10, 24), name='tokens')
patches = layers.Conv2D(32, 4, strides=4)(image)
patches = layers.Reshape((16, 32))(patches)
cross = layers.MultiHeadAttention(num_heads=2, key_dim=8, value_dim=12, output_shape=20,
                                  use_bias=False, name='cross_attention')
attended = cross(patches, tokens, key=tokens)
pooled = layers.GlobalAveragePooling1D()(attended)
outputs = layers.Dense(1, activation='sigmoid')(pooled)
model = keras.Model([image, tokens], outputs)
model.summary()
print(cross.count_params())
print([w.shape for w in cross.weights])
