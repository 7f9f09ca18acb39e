# Feature maps as a sequence of positions, pooled by dot-product and additive attention heads.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, 3, strides=2, padding='same', activation='relu')(inputs)
x = layers.Conv2D(32, 3, strides=2, padding='same', activation='relu')(x)
seq = layers.Reshape((49, 32))(x)
query = layers.Dense(32)(seq)
dot = layers.Attention(use_scale=True)([query, seq])
additive = layers.AdditiveAttention()([query, seq, seq])
concat = layers.Attention(score_mode='concat', name='concat_attention')([query, seq])
merged = layers.Concatenate()([dot, additive, concat])
pooled = layers.GlobalAveragePooling1D()(merged)
outputs = layers.Dense(10, activation='softmax')(pooled)
model = keras.Model(inputs, outputs)
model.summary()
# %%
for layer in model.layers:
    if 'attention' in layer.name:
        print(layer.name, layer.count_params(), [w.shape for w in layer.weights])
