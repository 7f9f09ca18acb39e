# The function forms of every merge layer (layers.add, subtract, multiply, average, maximum,
# minimum, concatenate, dot) in one graph, with names given through the function.
from tensorflow import keras
from tensorflow.keras import layers

u = keras.Input(shape=(6,))
v = keras.Input(shape=(6,))
w = keras.Input(shape=(6,))
s = layers.add([u, v, w], name="sum3")
d = layers.subtract([u, v], name="diff")
p = layers.multiply([s, d], name="prod")
a = layers.average([p, w, u], name="mean3")
hi = layers.maximum([a, d], name="hi")
lo = layers.minimum([a, d], name="lo")
c = layers.concatenate([hi, lo], axis=-1, name="hilo")
dp = layers.dot([hi, lo], axes=-1, name="inner")
merged = keras.Model([u, v, w], [c, dp], name="merge_forms")
merged.summary()
print([layer.__class__.__name__ for layer in merged.layers[3:]])
