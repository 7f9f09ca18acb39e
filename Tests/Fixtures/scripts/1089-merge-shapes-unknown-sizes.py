# Merging a tensor of unknown length with one of known length. tf-keras' merge output is the shape
# TensorFlow infers for the traced op: a known size above 1 fills in the unknown one (Keras 3 keeps
# it unknown). Keras 3's Concatenate with an axis past the last compares the whole shapes first.
# tf-keras refuses a model whose inputs list one tensor twice.
from tensorflow import keras

seq = keras.Input((None, 6), name="seq")
fixed = keras.Input((7, 6), name="fixed")
single = keras.Input((7, 1), name="single")
print(keras.layers.Add()([seq, fixed]).shape)
print(keras.layers.Maximum()([fixed, seq]).shape)
print(keras.layers.Multiply()([seq, single]).shape)
print(keras.layers.Concatenate()([seq, fixed]).shape)
print(keras.layers.Concatenate()([seq, single]).shape)
print(keras.layers.Concatenate(axis=1)([fixed, seq]).shape)
for axis in (2, 3, 5):
    try:
        print(axis, keras.layers.Concatenate(axis=axis)([fixed, single]).shape)
    except (ValueError, IndexError) as error:
        print(axis, type(error).__name__, str(error).splitlines()[0])
try:
    model = keras.Model([fixed, seq, fixed], keras.layers.Add()([fixed, seq]))
    print("model inputs", len(model.inputs))
except ValueError as error:
    print("ValueError", error)
