import keras
from keras import layers
inner = keras.Sequential([keras.Input((16, 16, 3)), layers.Conv2D(4, 3), layers.BatchNormalization()], name="inner")
inner.trainable = False
x = keras.Input((16, 16, 3), name="image")
y = layers.Flatten()(inner(x))
y = layers.Dense(10, activation="softmax", name="a_very_long_dense_layer_name_that_needs_wrapping")(y)
model = keras.Model(x, y, name="outer_model_with_a_long_name")
model.summary(expand_nested=True, show_trainable=True)
model.summary(line_length=60, positions=[0.4, 0.7, 1.0])
# %%
class Block(keras.Model):
    def __init__(self):
        super().__init__()
        self.a = layers.Dense(4)
    def call(self, x):
        return self.a(x)
b = Block()
b.summary()
b(keras.Input((3,)))
b.summary()
