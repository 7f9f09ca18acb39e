# Counting the weights of a model with a shared layer once (ids as keys), a tag kept as bytes,
# and what super() answers for __class__.
import tensorflow as tf
from tensorflow import keras

TAG = b"encoder-v2\x00"


class Base:
    def describe(self):
        return "base"


class Block(Base):
    def parent_view(self):
        return super()


encoder = keras.layers.Dense(8, name="encoder")
left = keras.Input(shape=(5,), name="left")
right = keras.Input(shape=(5,), name="right")
merged = keras.layers.Concatenate(name="join")([encoder(left), encoder(right)])
model = keras.Model([left, right], keras.layers.Dense(1, name="score")(merged))

all_weights = [w for layer in model.layers for w in layer.weights]
by_id = {id(w): w for w in all_weights}
print(len(all_weights), len(by_id), sum(int(keras.backend.count_params(w)) for w in by_id.values()))
print(model.count_params())
same = [layer.name for layer in model.layers if id(layer) == id(encoder)]
print(same, id(model) != id(encoder), id(all_weights) == id(all_weights[:]))

print(TAG, len(TAG), TAG.decode("utf-8").rstrip("\x00"))
print(repr(b'it\'s'), b"a" == b"a", type(TAG).__name__)
print(tf.constant(b"layer-names"))

view = Block().parent_view()
print(view.__class__, view.__class__.__name__, view.describe())
