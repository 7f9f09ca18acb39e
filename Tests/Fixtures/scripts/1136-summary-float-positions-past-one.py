# summary(positions=...) as floats whose last passes 1. tf-keras keeps such positions as columns
# and slices each field with them: floats are no slice indices, so it fails at the header row,
# after the title and the top rule (whole numbers past 1 are plain columns). Keras 3 multiplies
# every position by the width, whatever its type.
from tensorflow import keras
from tensorflow.keras import layers

m = keras.Sequential(
    [keras.Input((6,)), layers.Dense(3, name="a"), layers.Dense(1, name="b")], name="floats")
m.summary(positions=[30, 50, 65])
for positions, width in [([30.0, 50.0, 65.0], None), ([0.3, 0.6, 1.2], 50), ([12, 30, 40.5], 40)]:
    try:
        m.summary(positions=positions, line_length=width)
    except TypeError as error:
        print("TypeError:", error)
m.summary(positions=[0.5, 0.75, 1.0])
