# One convolution layer applied to two different tensors and to the same tensor twice: the
# summary lists it once, with every call in Connected to.
from tensorflow import keras
from tensorflow.keras import layers

shared = layers.Conv2D(8, 3, padding="same", name="shared_conv")
x = keras.Input(shape=(24, 24, 8))
y = keras.Input(shape=(24, 24, 8))
a = shared(x)
b = shared(y)
c = shared(a)
m = layers.Maximum()([a, b, c])
n = layers.Minimum()([a, b])
s = layers.Subtract()([m, n])
avg = layers.average([s, c])
model = keras.Model([x, y], avg, name="shared_paths")
model.summary()
print(shared.count_params())
print(len(model.layers))
