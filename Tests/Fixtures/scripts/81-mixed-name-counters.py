# Both packages in one script: each counts its own names.
import tensorflow as tf
import tf_keras

a = tf.keras.layers.Dense(8)
b = tf_keras.layers.Dense(8)
c = tf.keras.layers.Dense(8)
d = tf_keras.layers.Conv2D(4, 3)
print(a.name, b.name, c.name, d.name)

x = tf.keras.Input(shape=(16,))
y = tf.keras.layers.Dense(4)(x)
model_a = tf.keras.Model(x, y)

u = tf_keras.Input(shape=(16,))
v = tf_keras.layers.Dense(4)(u)
model_b = tf_keras.Model(u, v)

print(model_a.name, [layer.name for layer in model_a.layers])
print(model_b.name, [layer.name for layer in model_b.layers])
model_a.summary()
model_b.summary()
print(tf_keras.__version__, tf.__version__)
