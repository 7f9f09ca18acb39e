# A graph summary sent to print_fn line by line (collected into a list), then counted, and the
# same summary with expand_nested on a model without nested models.
from tensorflow import keras
from tensorflow.keras import layers

src = keras.Input(shape=(8, 8, 2), name="src")
l = layers.Conv2D(2, 1, name="left")(src)
r = layers.Conv2D(2, 3, padding="same", name="right")(src)
merged = layers.average([l, r], name="avg")
model = keras.Model(src, merged, name="two_paths")

lines = []
model.summary(print_fn=lambda line, **kwargs: lines.append(line))
print(len(lines) > 5)
print(lines[0])
print("\n".join(lines[-4:]))
model.summary(expand_nested=True)
