# Mistakes with TimeDistributed and attention layers, one per cell.
from tensorflow import keras
from tensorflow.keras import layers

features = keras.Input(shape=(64,))
layers.TimeDistributed(layers.Dense(8))(features)
# %%
layers.TimeDistributed(16)
# %%
frames = keras.Input(shape=(10, 28, 28))
layers.TimeDistributed(layers.Conv2D(8, 3))(frames)
# %%
seq = keras.Input(shape=(12, 32))
layers.Attention()(seq)
# %%
layers.Attention(score_mode='general')
# %%
layers.MultiHeadAttention(num_heads=2, key_dim=16)(seq)
# %%
print('still running')
