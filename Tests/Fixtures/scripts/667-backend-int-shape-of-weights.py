# keras.backend.int_shape of weights and arrays, as scripts that report layer sizes use it.
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K

inputs = keras.Input((6, 6, 2))
x = keras.layers.Conv2D(4, 3, name="conv")(inputs)
x = keras.layers.BatchNormalization(name="bn")(x)
outputs = keras.layers.Dense(3, name="dense")(keras.layers.Flatten()(x))
model = keras.Model(inputs, outputs)

print(K.int_shape(model.get_layer("conv").kernel), K.int_shape(outputs))
for layer in model.layers:
    print(layer.name, [K.int_shape(w) for w in layer.weights])
print(K.int_shape(np.zeros((4, 5))), K.int_shape(model.get_weights()[0]))
print(sum(int(np.prod(K.int_shape(w))) for w in model.trainable_weights), model.count_params())
