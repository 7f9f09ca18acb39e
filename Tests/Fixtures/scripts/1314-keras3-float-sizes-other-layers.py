# Keras 3 keeps a float size as it was given; what each layer then does with it. (tf-keras
# fails elsewhere for these, in TensorFlow's own shape code.)
import keras
from keras import layers

if keras.__version__.startswith("3"):
    hidden = 12 / 3
    for make, shape in [
        (lambda: layers.LSTM(hidden), (7, 3)),
        (lambda: layers.LSTM(hidden, return_sequences=True), (7, 3)),
        (lambda: layers.DepthwiseConv2D(3, depth_multiplier=hidden / 2), (9, 9, 2)),
        (lambda: layers.SeparableConv2D(6, 3, depth_multiplier=hidden / 4 + 1), (9, 9, 2)),
        (lambda: layers.ConvLSTM2D(hidden / 2, 3), (2, 9, 9, 2)),
    ]:
        layer = make()
        try:
            print(layer.name, layer(keras.Input(shape=shape)).shape)
        except ValueError as error:
            print(layer.name, "->", error)
    for make in [
        lambda: layers.GRU(hidden),
        lambda: layers.SimpleRNN(hidden),
        lambda: layers.Embedding(100 / 2, 8),
        lambda: layers.Embedding(50, hidden),
    ]:
        try:
            make()
        except ValueError as error:
            print("not made:", error)
    print(layers.GRU(4).name, layers.SimpleRNN(4).name, layers.Embedding(50, 4).name)
