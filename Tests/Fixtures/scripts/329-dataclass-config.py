# A frozen dataclass of hyperparameters drives a builder function; a second, mutable config keeps
# per-block settings made with default_factory.
from dataclasses import asdict, dataclass, field

import tensorflow as tf


@dataclass(frozen=True)
class ModelConfig:
    input_shape: tuple = (32, 32, 3)
    num_classes: int = 10
    dropout: float = 0.25


@dataclass
class BlockConfig:
    filters: list = field(default_factory=lambda: [16, 32])
    kernel_size: int = 3

    def __post_init__(self):
        self.depth = len(self.filters)


def build(config: ModelConfig, blocks: BlockConfig) -> tf.keras.Model:
    inputs = tf.keras.Input(shape=config.input_shape)
    x = inputs
    for filters in blocks.filters:
        x = tf.keras.layers.Conv2D(filters, blocks.kernel_size, padding="same", activation="relu")(x)
        x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.Flatten()(x)
    x = tf.keras.layers.Dropout(config.dropout)(x)
    outputs = tf.keras.layers.Dense(config.num_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs, name="configured_cnn")


config = ModelConfig(num_classes=5)
blocks = BlockConfig()
print(config)
print(blocks, blocks.depth, asdict(blocks))
print(config == ModelConfig(num_classes=5), BlockConfig([8]) == BlockConfig(filters=[8]))
try:
    config.dropout = 0.5
except AttributeError as error:
    print(type(error).__name__, error)
model = build(config, blocks)
model.summary()
