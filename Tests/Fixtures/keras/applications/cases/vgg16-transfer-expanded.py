from tensorflow import keras

base = keras.applications.VGG16(include_top=False, weights=None, input_shape=(32, 32, 3))
base.trainable = False
inputs = keras.Input(shape=(32, 32, 3))
x = base(inputs, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
model.summary(expand_nested=True, show_trainable=True)
print(len(model.layers), len(base.layers), model.count_params())
