"""Keras 3 keeps a float size as given: LSTM's `units` and ConvLSTM's `filters` of any float are
made and read back as floats (a convolution's `filters` too), and fail when the layer builds its
first weight; LSTM refuses a size below one only when it is not positive. tf-keras makes a
convolution's float `filters` an int and refuses recurrent float sizes in TensorFlow's shape code
(ConvBook refuses those: only the convolutions run there)."""
import tensorflow as tf

layers = tf.keras.layers
keras3 = hasattr(tf.keras, "__version__")
readable = [lambda: layers.Conv2D(8 / 2, 3), lambda: layers.Conv2DTranspose(6 / 3, 3),
            lambda: layers.SeparableConv2D(4.0, 3)]
if keras3:
    readable += [lambda: layers.LSTM(5 / 2), lambda: layers.LSTM(3 / 1),
                 lambda: layers.ConvLSTM2D(2.5, 3), lambda: layers.ConvLSTM1D(4 / 2, 3)]
for make in readable:
    layer = make()
    print(type(layer).__name__, getattr(layer, "units", None), getattr(layer, "filters", None))

failing = [
    ("lstm", lambda: layers.LSTM(5 / 2), (5, 3)),
    ("lstm-small", lambda: layers.LSTM(0.25, return_sequences=True), (5, 3)),
    ("lstm-negative", lambda: layers.LSTM(-2.5), (5, 3)),
    ("lstm-zero", lambda: layers.LSTM(0.0), (5, 3)),
    ("bidirectional", lambda: layers.Bidirectional(layers.LSTM(1.5)), (5, 3)),
    ("convlstm", lambda: layers.ConvLSTM2D(2.5, 3), (2, 8, 8, 3)),
    ("convlstm-negative", lambda: layers.ConvLSTM1D(-1.5, 3), (2, 8, 3)),
]
for label, make, shape in failing if keras3 else []:
    try:
        layer = make()
    except (TypeError, ValueError) as error:
        print(label, "made", type(error).__name__, error)
        continue
    try:
        layer(tf.keras.Input(shape))
        print(label, "called")
    except (TypeError, ValueError) as error:
        print(label, "called", type(error).__name__, error)
