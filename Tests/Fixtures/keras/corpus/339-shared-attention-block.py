# One transformer block built as a functional model and reused: called on two views of an image
# (shared weights), its attention frozen, summaries with nested rows.
from tensorflow import keras
from tensorflow.keras import layers

tokens = keras.Input(shape=(16, 24))
attended = layers.MultiHeadAttention(num_heads=3, key_dim=8, name='mhsa')(tokens, tokens)
block_out = layers.LayerNormalization()(layers.Add()([tokens, attended]))
block = keras.Model(tokens, block_out, name='transformer_block')
block.summary()

view_a = keras.Input(shape=(16, 16, 3), name='view_a')
view_b = keras.Input(shape=(16, 16, 3), name='view_b')
stem = layers.Conv2D(24, 4, strides=4, name='stem')
reshape = layers.Reshape((16, 24))
features_a = block(reshape(stem(view_a)))
features_b = block(reshape(stem(view_b)))
cross = layers.MultiHeadAttention(num_heads=2, key_dim=12, name='cross')
fused = cross(features_a, features_b)
fused_back = cross(features_b, features_a)
merged = layers.Concatenate()([layers.GlobalAveragePooling1D()(fused),
                               layers.GlobalAveragePooling1D()(fused_back)])
model = keras.Model([view_a, view_b], layers.Dense(2)(merged), name='two_view')
block.get_layer('mhsa').trainable = False
model.summary()
print(cross.count_params(), model.count_params())
# %%
model.summary(expand_nested=True, show_trainable=True)
