# A layer called on two inputs: `output` is its first call's tensor.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(20,), name="left")
right = keras.Input(shape=(20,), name="right")
shared = layers.Dense(8, activation="relu", name="shared")
a = shared(left)
b = shared(right)
print(shared.output is a, shared.output is b)
print(shared.input is left, shared.input is right)
merged = layers.concatenate([a, b], name="joined")
siamese = keras.Model([left, right], merged, name="siamese")
siamese.summary()
print(len(siamese.inputs), siamese.get_layer("joined").input[1] is b)

# %%
# Called on inputs of two widths, the layer has no single output shape in tf-keras.
flat = layers.Flatten(name="flat")
p = flat(keras.Input(shape=(4, 4)))
q = flat(keras.Input(shape=(2, 3)))
print(p.shape, q.shape, flat.output.shape)
print(flat.output_shape)
