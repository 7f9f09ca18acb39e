# Keras maps a model's graph with one recursive Python call per node on the way from the output
# back to the input, so a chain of layers about as long as Python's recursion limit cannot become
# a model: RecursionError where keras.Model(...) is called. The longest chain that can depends on
# the frames already in use (the caller's functions).
from tensorflow import keras

x = inputs = keras.Input((3,))
outputs = []
for _ in range(991):
    x = keras.layers.Dense(3)(x)
    outputs.append(x)


def made(layers):
    try:
        return len(keras.Model(inputs, outputs[layers - 1]).layers)
    except RecursionError as error:
        return type(error).__name__


def nested(layers):
    return made(layers)


# The models that are made come first: after a RecursionError inside Keras, later models may
# fail sooner.
print(len(keras.Model(inputs, outputs[989]).layers), made(989), nested(988))
try:
    keras.Model(inputs, outputs[990])
except RecursionError as error:
    print("top level:", type(error).__name__, error)
print(made(990), nested(989))
