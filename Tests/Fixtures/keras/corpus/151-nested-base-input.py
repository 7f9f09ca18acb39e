# A convolutional base reused as one layer of a classifier that declares its own input.
import tf_keras as keras
from tf_keras import layers

base = keras.Sequential([
    layers.Conv2D(32, 3, activation="relu", input_shape=(64, 64, 3)),
    layers.BatchNormalization(),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.BatchNormalization(),
], name="conv_base")

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    base,
    layers.GlobalAveragePooling2D(),
    layers.Dense(10),
])
model.summary()
print(base.input_shape, base.output_shape, base.count_params())
print(model.get_layer("conv_base").output_shape)
print([w.name for w in model.weights])
print([w.name for w in model.non_trainable_weights])
