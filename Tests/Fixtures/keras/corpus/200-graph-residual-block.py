# A residual block: two convolutions, and the block input added back on (identity shortcut),
# then a second block whose shortcut needs a 1x1 projection because the width changes.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 16))
y = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
y = layers.BatchNormalization()(y)
y = layers.ReLU()(y)
y = layers.Conv2D(16, 3, padding="same", use_bias=False)(y)
y = layers.BatchNormalization()(y)
y = layers.add([y, inputs])
y = layers.ReLU()(y)

shortcut = layers.Conv2D(32, 1, strides=2)(y)
z = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(y)
z = layers.Conv2D(32, 3, padding="same")(z)
z = layers.Add(name="block2_add")([z, shortcut])
z = layers.Activation("relu")(z)
outputs = layers.Dense(10, activation="softmax")(layers.GlobalAveragePooling2D()(z))
model = keras.Model(inputs, outputs, name="tiny_resnet")
model.summary()
print(model.count_params())
print(model.output_shape)
print(len(model.layers))
