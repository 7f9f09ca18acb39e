# A builder function with default and keyword arguments, a block helper and a loop over widths.
from tensorflow import keras
from tensorflow.keras import layers


def conv_block(model, filters, kernel_size=3, *, pool=True, **conv_options):
    model.add(layers.Conv2D(filters, kernel_size, activation="relu", **conv_options))
    if pool:
        model.add(layers.MaxPooling2D())
    return model


def make_model(input_shape, num_classes=10, widths=(16, 32)):
    model = keras.Sequential(name="builder")
    model.add(keras.Input(shape=input_shape))
    for width in widths:
        conv_block(model, width, padding="same")
    conv_block(model, widths[-1] * 2, pool=False)
    model.add(layers.Flatten())
    model.add(layers.Dense(num_classes, activation="softmax"))
    assert model.output_shape == (None, num_classes), "unexpected output"
    return model


model = make_model((28, 28, 1))
model.summary()
print(model.count_params())
# %%
small = make_model((32, 32, 3), num_classes=2, widths=[8])
print(small.output_shape, len(small.layers))
# %%
make_model((28, 28, 1), 10, (16,), 4)
