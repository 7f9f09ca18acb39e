# Keras 3 infers a custom layer's output by running its call() in a TensorFlow scratch graph, where
# the layers call() uses enter their name scopes at the graph's root: one named "_hidden" fails
# there (TensorFlow's ValueError inside Keras' "Could not automatically infer the output shape"
# text). tf-keras enters the custom layer's own scope first, so the same name is nested and fine.
from tensorflow import keras


class Block(keras.layers.Layer):
    def __init__(self, inner_name, **kwargs):
        super().__init__(**kwargs)
        self.inner = keras.layers.Dense(2, name=inner_name)

    def call(self, inputs):
        return self.inner(inputs)


for inner_name in ["_hidden", "hidden.v2"]:
    try:
        outputs = Block(inner_name)(keras.Input((3,)))
        print(inner_name, outputs.shape)
    except ValueError as error:
        print(inner_name, "ValueError:", error)
