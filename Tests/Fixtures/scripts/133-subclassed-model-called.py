"""A subclassed keras.Model: unbuilt summary, called on keras.Input, inside a functional model, built
by build() under another name."""
from tensorflow import keras
from tensorflow.keras import layers


class SmallNet(keras.Model):
    def __init__(self, num_classes=10, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.classifier = layers.Dense(num_classes)

    def call(self, inputs):
        return self.classifier(self.pool(self.conv(inputs)))


model = SmallNet()
print(model.name, len(model.layers), [l.name for l in model.layers])
try:
    model.summary()
except ValueError as error:
    print("ValueError:", error)
inputs = keras.Input((28, 28, 1))
outputs = model(inputs)
print(outputs.shape)
model.summary()
print(model.count_params())
wrapper = keras.Model(inputs, outputs)
wrapper.summary()
other = SmallNet(5, name="other")
other.build((None, 16, 16, 3))
other.summary()
