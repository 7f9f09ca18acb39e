# summary(expand_nested=True) lists a nested model's `layers`: in Keras 3 an operation on Keras
# tensors (`h + skip`, `x * 0.5`) is a row of the nested model's own summary but none of its
# layers, so the expanded rows leave it out; tf-keras records such operations as TFOpLambda
# layers and lists them.
from tensorflow import keras
from tensorflow.keras import layers

skip = keras.Input(shape=(8,))
h = layers.Dense(8, name="mix")(skip)
h = h + skip
h = layers.Dense(4, name="squeeze")(h) * 0.5
inner = keras.Model(skip, h, name="block")
inner.summary()

outer = keras.Sequential([keras.Input(shape=(8,)), inner, layers.Dense(2, name="head")])
inner.trainable = False
outer.summary(expand_nested=True, show_trainable=True)
print([layer.name for layer in inner.layers])
