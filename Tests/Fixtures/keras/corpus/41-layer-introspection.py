# Poking at a model: layers by index and by name, shapes, parameter counts.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, activation='relu', name='conv_a'),
    layers.Conv2D(64, 3, strides=2, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, name='logits'),
])

print(len(model.layers))
print(model.layers[0].name)
print(model.layers[0].input_shape)
print(model.layers[0].output_shape)
print(model.layers[0].count_params())
print(model.layers[1].name, model.layers[1].output_shape, model.layers[1].count_params())
print(model.layers[-1].name)
print(model.layers[-2].output_shape)
conv = model.get_layer('conv_a')
print(conv.name, conv.input_shape, conv.output_shape)
print(model.get_layer('logits').count_params())
print(model.get_layer(index=2).name)
print(model.input_shape)
print(model.output_shape)
print(model.count_params())
print(model.name)
print(model.built)
print(model.layers[3].input_shape)
print(model.layers[0].trainable)
print(model.layers[1].kernel_size, model.layers[1].strides, model.layers[1].filters)
print(model.layers[0].kernel.shape)
