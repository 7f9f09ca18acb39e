# Three levels of nesting: a Sequential inside a functional block inside a Sequential, printed
# collapsed, expanded, and expanded with the trainable column after freezing the innermost part.
from tensorflow import keras
from tensorflow.keras import layers

inner = keras.Sequential([
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.BatchNormalization(),
], name="inner_seq")

block_in = keras.Input(shape=(16, 16, 8))
b = inner(block_in)
b = layers.add([b, block_in])
b = layers.MaxPooling2D()(b)
block = keras.Model(block_in, b, name="res_block")

outer = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, strides=2, padding="same"),
    block,
    layers.Flatten(),
    layers.Dense(4),
], name="outer_seq")
outer.summary()
outer.summary(expand_nested=True)
inner.trainable = False
outer.summary(expand_nested=True, show_trainable=True)
print(len(outer.trainable_weights), len(outer.non_trainable_weights))
