# Powers and absolute values of Keras tensors written with Python operators: x ** 2, a number
# raised to a tensor, a tensor raised to a tensor, abs(), inside and outside a Lambda.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(7,), name="a")
b = keras.Input(shape=(7,), name="b")
sq = a ** 2
root = abs(b) ** 0.5
exp2 = 2.0 ** a
pw = abs(a) ** b
mag = layers.Lambda(lambda t: abs(t[0] - t[1]) ** 3, name="cubed_gap")([a, b])
model = keras.Model([a, b], [sq, root, exp2, pw, mag], name="powers")
model.summary()
print(model.output_shape)
print([layer.name for layer in model.layers])
