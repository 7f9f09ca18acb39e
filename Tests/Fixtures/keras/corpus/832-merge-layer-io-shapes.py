# Shapes seen from the merge layers themselves: input_shape of an Add or Concatenate is a list of
# shapes, output_shape one shape; layer.input is a list; the InputLayers' shapes are lists too.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(9, 9, 4), name="a")
b = keras.Input(shape=(9, 9, 6), name="b")
ca = layers.Conv2D(6, 1, name="ca")(a)
s = layers.Add(name="plus")([ca, b])
c = layers.Concatenate(name="join")([s, a, b])
model = keras.Model([a, b], c)
plus = model.get_layer("plus")
join = model.get_layer("join")
print(plus.input_shape)
print(plus.output_shape)
print(join.input_shape)
print(join.output_shape)
print(len(join.input), join.count_params())
print(model.layers[0].input_shape, model.layers[0].output_shape)
print([l.name for l in model.layers])
print(model.input_shape)
