"""Star imports, a __main__ guard and a main() that builds and reports."""
from tensorflow.keras.layers import *
from tensorflow.keras.models import *


def conv_block(x, filters, *, pool=True):
    x = Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = Conv2D(filters, 3, padding="same", activation="relu")(x)
    return MaxPooling2D()(x) if pool else x


def build(input_shape=(48, 48, 1), widths=(8, 16, 32), classes=7):
    inputs = Input(shape=input_shape)
    x = inputs
    *early, last = widths
    for filters in early:
        x = conv_block(x, filters)
    x = conv_block(x, last, pool=False)
    x = GlobalAveragePooling2D()(x)
    outputs = Dense(classes, activation="softmax")(x)
    return Model(inputs, outputs, name="emotion_net")


def main():
    model = build()
    model.summary()
    shapes = [layer.output_shape for layer in model.layers if isinstance(layer, MaxPooling2D)]
    print(*shapes, sep=" -> ")


if __name__ == "__main__":
    main()
