"""model.summary(layer_range=...): the rows between two layer names (each a pattern matched at the
start of the names), in a functional model and a Sequential one, and the errors for bad ranges."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input((10, 10, 2))
left = layers.Conv2D(3, 3, name="conv_left")(image)
right = layers.Conv2D(3, 3, name="conv_right")(image)
merged = layers.Concatenate(name="join")([left, right])
pooled = layers.GlobalAveragePooling2D(name="pool")(merged)
scores = layers.Dense(4, name="scores")(pooled)
graph = keras.Model(image, scores, name="two_branches")
graph.summary(layer_range=["conv_right", "pool"])
graph.summary(layer_range=("conv", "join"))

stack = keras.Sequential(
    [keras.Input((6,)), layers.Dense(5, name="first"), layers.Dense(4, name="second"),
     layers.Dense(3, name="third")], name="stack")
stack.summary(layer_range=["third", "second"])
stack.summary(layer_range=["s", "s"], line_length=70)
for bad in (["first"], ["first", 2], ["nothing", "third"], ["first", "second", "third"]):
    try:
        stack.summary(layer_range=bad)
    except ValueError as error:
        print("ValueError:", error)
stack.summary(layer_range=["f.r", "zz"])
