# A tiny vision transformer for 32x32 images: patches from a strided Conv2D, two pre-norm
# transformer blocks (multi-head self-attention and an MLP, each with a residual), then a head.
from tensorflow import keras
from tensorflow.keras import layers

image_size = 32
patch_size = 4
num_patches = (image_size // patch_size) ** 2
projection_dim = 48
num_heads = 4
transformer_units = [projection_dim * 2, projection_dim]


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation='gelu')(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


inputs = keras.Input(shape=(image_size, image_size, 3))
patches = layers.Conv2D(projection_dim, patch_size, strides=patch_size, name='patch_embed')(inputs)
encoded = layers.Reshape((num_patches, projection_dim))(patches)
for _ in range(2):
    x1 = layers.LayerNormalization(epsilon=1e-6)(encoded)
    attention_output = layers.MultiHeadAttention(
        num_heads=num_heads, key_dim=projection_dim // num_heads, dropout=0.1
    )(x1, x1)
    x2 = layers.Add()([attention_output, encoded])
    x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
    x3 = mlp(x3, hidden_units=transformer_units, dropout_rate=0.1)
    encoded = layers.Add()([x3, x2])
representation = layers.LayerNormalization(epsilon=1e-6)(encoded)
representation = layers.GlobalAveragePooling1D()(representation)
logits = layers.Dense(10)(representation)
model = keras.Model(inputs=inputs, outputs=logits, name='tiny_vit')
model.summary()
print(model.count_params())
# %%
mha = model.get_layer('multi_head_attention')
print(mha.name, mha.count_params())
print([w.shape for w in mha.weights])
