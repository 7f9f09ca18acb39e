# Python arithmetic on Keras tensors: each operation becomes a TFOpLambda layer in the graph,
# named after the TensorFlow function it calls.
from tensorflow import keras
from tensorflow.keras import layers

x0 = keras.Input(shape=(8, 8, 4))
conv = layers.Conv2D(4, 1)(x0)
residual = x0 + conv
halved = residual * 0.5
flipped = -halved
diff = flipped - x0
scaled = 2.0 * diff
ratio = diff / 3
shifted = ratio + 1
again = conv + x0
inverse = 1 - again
inverse += x0
model = keras.Model(x0, [shifted, inverse, scaled])
model.summary()
print([layer.name for layer in model.layers])
print(model.output_shape)
# %%
v = keras.Input(shape=(4,))
w = layers.Dense(4)(v) * v
print(w.shape)
