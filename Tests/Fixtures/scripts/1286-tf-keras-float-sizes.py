# Layer sizes computed with Python's `/` are floats (`channels / 4` is 36.0). tf-keras turns a
# convolution's float `filters` into an int (2.5 filters are 2) and a Dense's `units` too; Keras 3
# keeps the floats and fails on them.
from tensorflow import keras

for make in [
    lambda: keras.layers.Conv2D(12 / 4, 3),
    lambda: keras.layers.Conv2D(2.5, 3, use_bias=False),
    lambda: keras.layers.SeparableConv2D(8 / 2, 3),
    lambda: keras.layers.Conv2DTranspose(6.0, 2, strides=2),
    lambda: keras.layers.Conv1D(filters=7.9, kernel_size=2),
    lambda: keras.layers.Dense(10 / 4),
]:
    try:
        layer = make()
        inputs = keras.Input((8, 3) if isinstance(layer, keras.layers.Conv1D) else (8, 8, 3))
        if isinstance(layer, keras.layers.Dense):
            inputs = keras.Input((5,))
        outputs = layer(inputs)
        print(type(layer).__name__, tuple(outputs.shape), layer.count_params())
    except Exception as error:
        print(type(error).__name__, error)
