# Keras 3 keeps a layer's name as a plain attribute: assigning it renames the layer for summaries
# and for the weights it makes from then on (a built layer's weights keep their paths). tf-keras'
# `name` is a read-only property and refuses the assignment with its own message.
from tensorflow import keras

encoder_input = keras.Input((5,), name="signal")
projection = keras.layers.Dense(3)
projection.name = "projection"
hidden = projection(encoder_input)
readout = keras.layers.Dense(2)
output = readout(hidden)
readout.name = "readout"
model = keras.Model(encoder_input, output, name="encoder")
print([layer.name for layer in model.layers])
model.summary()
