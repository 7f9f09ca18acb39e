# Element-wise merges broadcast as tf-keras allows: a 1 in one shape gives way to the other.
from tensorflow import keras
from tensorflow.keras import layers

m_in = keras.Input(shape=(8, 8, 16))
v_in = keras.Input(shape=(1, 1, 16))
s = layers.Add()([m_in, v_in])
p = layers.Multiply()([s, v_in])
q = layers.Average()([s, p, m_in])
model = keras.Model([m_in, v_in], q)
model.summary()
# %%
r_in = keras.Input(shape=(16,))
t = layers.Maximum()([m_in, r_in])
print(t.shape)
