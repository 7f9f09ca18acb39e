"""A model builder written as classes: a base builder with hooks, a subclass that overrides one."""
from tensorflow import keras
from tensorflow.keras import layers


class ModelBuilder:
    activation = "relu"

    def __init__(self, input_shape, num_classes, name="builder"):
        self.input_shape = input_shape
        self.num_classes = num_classes
        self.name = name
        self.built_models = []

    def stem(self, x):
        return layers.Conv2D(16, 3, padding="same", activation=self.activation)(x)

    def body(self, x):
        x = layers.MaxPooling2D()(x)
        return layers.Conv2D(32, 3, activation=self.activation)(x)

    def head(self, x):
        x = layers.GlobalAveragePooling2D()(x)
        return layers.Dense(self.num_classes, activation="softmax")(x)

    def build(self):
        inputs = keras.Input(shape=self.input_shape)
        outputs = self.head(self.body(self.stem(inputs)))
        model = keras.Model(inputs, outputs, name=self.name)
        self.built_models.append(model.name)
        return model


class DeepBuilder(ModelBuilder):
    activation = "elu"

    def __init__(self, input_shape, num_classes, blocks=2):
        super().__init__(input_shape, num_classes, name="deep_builder")
        self.blocks = blocks

    def body(self, x):
        for index in range(self.blocks):
            x = layers.Conv2D(16 * (index + 1), 3, padding="same", activation=self.activation)(x)
            x = layers.BatchNormalization()(x)
        return super().body(x)


for builder in [ModelBuilder((32, 32, 3), 10), DeepBuilder((32, 32, 3), 5, blocks=3)]:
    model = builder.build()
    print(type(builder).__name__, builder.built_models, model.count_params())
deep = DeepBuilder((28, 28, 1), 10)
model = deep.build()
model.summary()
print(isinstance(deep, ModelBuilder), deep.activation, ModelBuilder.activation)
