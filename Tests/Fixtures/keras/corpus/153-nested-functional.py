# A functional model used as the first layer of a Sequential model; its layers listed one by one.
import tf_keras as keras
from tf_keras import layers

inputs = keras.Input(shape=(16,))
outputs = layers.Dense(4, activation="relu")(inputs)
encoder = keras.Model(inputs, outputs)

model = keras.Sequential([encoder, layers.Dense(2)])
model.summary()
print([l.name for l in model.layers], model.layers[0].input_shape)
for layer in model.layers:
    print(layer.name, layer.count_params(), layer.output_shape)
model.layers[0].summary()
print([w.name for w in model.trainable_weights])
print(model.get_layer(index=0).name, len(model.get_layer("model").layers))
