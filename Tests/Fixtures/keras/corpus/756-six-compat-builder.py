# Model builders written for Python 2 and 3 look their block function up by name with the six
# compatibility package.
import six
from six.moves import range
from tensorflow import keras
from tensorflow.keras import layers


def plain_block(x, filters):
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


def bottleneck_block(x, filters):
    x = layers.Conv2D(filters // 4, 1, activation="relu")(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


BLOCKS = {"plain_block": plain_block, "bottleneck_block": bottleneck_block}


def get_block(identifier):
    if isinstance(identifier, six.string_types):
        found = BLOCKS.get(identifier)
        if not found:
            raise ValueError("Invalid {}".format(identifier))
        return found
    return identifier


print(six.PY3, isinstance(3, six.integer_types))
block = get_block("bottleneck_block")
inputs = keras.Input(shape=(32, 32, 3))
x = inputs
for i in range(2):
    x = block(x, 16 * (i + 1))
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))
model.summary()
print(get_block(plain_block).__name__)
