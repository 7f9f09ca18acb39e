# A residual block that passes `training` only to the layers whose call takes it, and a config
# filtered down to what a builder accepts, both through inspect.signature.
import inspect

from tensorflow import keras
from tensorflow.keras import layers


def make_head(units, dropout=0.25, *, activation="softmax", name="head"):
    return layers.Dense(units, activation=activation, name=name)


class StackSettings:
    def __init__(self, filters=16, kernel_size=3, dilations=(1, 2)):
        self.filters = filters
        self.kernel_size = kernel_size
        self.dilations = dilations


stage = [
    layers.Conv1D(16, 3, padding="causal", name="conv"),
    layers.BatchNormalization(name="norm"),
    layers.Activation("relu", name="act"),
    layers.SpatialDropout1D(0.1, name="drop"),
    layers.LayerNormalization(name="ln"),
]
for layer in stage:
    parameters = dict(inspect.signature(layer.call).parameters)
    takes = "training" in parameters
    print(f"{layer.name:>5}: training={takes} {list(parameters)} {inspect.signature(layer.call)}")

inputs = keras.Input(shape=(20, 4))
x = inputs
for layer in stage:
    takes = "training" in dict(inspect.signature(layer.call).parameters)
    x = layer(x, training=False) if takes else layer(x)
outputs = make_head(3)(layers.GlobalAveragePooling1D()(x))
keras.Model(inputs, outputs, name="tcn_like").summary()

requested = {"filters": 32, "dilations": (1, 2, 4), "dropout": 0.2, "units": 3}
accepted = inspect.signature(StackSettings).parameters
settings = StackSettings(**{k: v for k, v in requested.items() if k in accepted})
print(settings.filters, settings.kernel_size, settings.dilations, len(accepted))
head_parameters = inspect.signature(make_head).parameters
print(list(head_parameters), head_parameters["dropout"].default, head_parameters["activation"].name)
print([name for name in inspect.signature(StackSettings.__init__).parameters])
