# tf.keras.Model given the tensors of tf_keras layers.
# %%
import tensorflow as tf
import tf_keras
inputs = tf_keras.Input(shape=(10,))
outputs = tf_keras.layers.Dense(2)(tf_keras.layers.Dense(6)(inputs))

# %%
model = tf.keras.Model(inputs, outputs)

# %%
model = tf_keras.Model(inputs, outputs)
model.summary()
print(model.name, [l.name for l in model.layers])
