# A tf_keras Sequential model given a tf.keras layer.
# %%
import tensorflow as tf
import tf_keras
model = tf_keras.Sequential([tf_keras.Input(shape=(6,)), tf_keras.layers.Dense(4)])
print(len(model.layers))

# %%
model.add(tf.keras.layers.Dense(2))
print(len(model.layers))

# %%
model.summary()
