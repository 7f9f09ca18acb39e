# Freezing the layers of a subclassed model in a loop over model.layers, as transfer-learning code
# does with a vision transformer's blocks: `layer.trainable = False` on a custom layer freezes the
# layers it holds too, all the way down, in both Kerases (and `True` thaws them again).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Stem(layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.project = layers.Dense(3)
        self.norm = layers.LayerNormalization()

    def call(self, x):
        return self.norm(self.project(x))


class Offset(layers.Layer):
    def build(self, shape):
        self.offset = self.add_weight(
            name="offset", shape=(shape[-1],), initializer="zeros", trainable=True
        )

    def call(self, x):
        return x + self.offset


class Wrapper(layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.stem = Stem(name="stem")

    def call(self, x):
        return self.stem(x)


class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.wrapper = Wrapper(name="wrapper")
        self.offset = Offset(name="offset")
        self.head = layers.Dense(2, name="head")

    def call(self, x):
        return self.head(self.offset(self.wrapper(x)))


model = Classifier()
model(tf.zeros((1, 4)))
for layer in model.layers:
    if layer.name != "head":
        layer.trainable = False
model.summary()
print(model.wrapper.trainable, model.wrapper.stem.trainable, model.wrapper.stem.project.trainable)
print(len(model.trainable_weights), len(model.non_trainable_weights))

model.wrapper.trainable = True
print(model.wrapper.stem.norm.trainable, len(model.trainable_weights))
model.summary()
