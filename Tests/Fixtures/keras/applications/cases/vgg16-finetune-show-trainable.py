from tensorflow import keras

base = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
base.trainable = False
for layer in base.layers[-4:]:
    layer.trainable = True
inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs, training=False)
x = keras.layers.Flatten()(x)
outputs = keras.layers.Dense(2)(x)
model = keras.Model(inputs, outputs)
model.summary(show_trainable=True, expand_nested=True)
