# An autograder's description of each layer (class, output shape, parameters, and for
# convolutions the padding, activation and initializer class), compared with what it expects.
import tensorflow as tf
from tensorflow.keras import layers, initializers


def describe(model):
    rows = []
    for layer in model.layers:
        row = [layer.__class__.__name__, layer.output_shape, layer.count_params()]
        if type(layer) == layers.Conv2D:
            row += [layer.padding, layer.activation.__name__,
                    layer.kernel_initializer.__class__.__name__,
                    layer.bias_initializer.__class__.__name__]
        if type(layer) == layers.Dense:
            row += [layer.activation.__name__, layer.kernel_initializer.__class__.__name__]
        if type(layer) == layers.BatchNormalization:
            row += [layer.gamma_initializer.__class__.__name__,
                    layer.moving_variance_initializer.__class__.__name__]
        rows.append(row)
    return rows


seeded = initializers.GlorotUniform(seed=0)
inputs = tf.keras.Input((16, 16, 3))
x = layers.Conv2D(8, 3, padding='same', activation='relu', kernel_initializer='he_normal')(inputs)
x = layers.Conv2D(8, 3, kernel_initializer=seeded, bias_initializer='ones')(x)
x = layers.BatchNormalization()(x)
x = layers.Conv2D(4, 1, kernel_initializer='random_uniform')(x)
x = layers.Flatten()(x)
outputs = layers.Dense(2, activation='softmax', kernel_initializer='lecun_normal')(x)
model = tf.keras.Model(inputs, outputs)

for row in describe(model):
    print(row)
conv = model.layers[2]
print(conv.kernel_initializer is seeded, conv.kernel_initializer is conv.kernel_initializer)
print(model.layers[1].kernel_initializer is model.layers[1].kernel_initializer)
expected = [['InputLayer', [(None, 16, 16, 3)], 0],
            ['Conv2D', (None, 16, 16, 8), 224, 'same', 'relu', 'HeNormal', 'Zeros']]
print(all(tuple(a) == tuple(b) for a, b in zip(describe(model), expected)))
