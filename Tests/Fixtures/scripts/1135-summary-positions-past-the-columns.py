# summary(positions=...) with more positions than the table has columns. Keras 3 sizes column i
# from position i and hands the widths to rich with the table's full width, so columns that end
# short of it are widened in proportion to their widths; with show_trainable=True the Trainable
# column takes the next position given (times 0.9), not the 1.0 appended after them. tf-keras
# reads one position per field and leaves the rest unused. line_length=0 is the default width in
# both (`line_length or ...`).
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input((3,), name="left")
right = keras.Input((5,), name="right")
joined = layers.Concatenate(name="joined")([left, right])
pair = keras.Model([left, right], layers.Dense(2, name="score")(joined), name="pair")
pair.summary(positions=[0.2, 0.4, 0.6, 0.8, 1.0])
pair.summary(positions=[0.25, 0.45, 0.55, 0.75, 0.9, 1.0], line_length=90)
pair.summary(line_length=0)

inner = keras.Sequential(
    [keras.Input((4,)), layers.Dense(6, name="wide"), layers.Dense(2, name="narrow")],
    name="inner")
inner.layers[0].trainable = False
x = keras.Input((4,), name="x")
chain = keras.Model(x, layers.Dense(1, name="out")(inner(x)), name="chain")
chain.summary(positions=[0.4, 0.6, 0.75, 1.0], line_length=120, show_trainable=True)
chain.summary(positions=[0.3, 0.5, 0.6, 0.7], show_trainable=True, expand_nested=True)
