from tensorflow import keras

base = keras.applications.MobileNetV2(input_shape=(32, 32, 3), include_top=False, weights=None)
base.trainable = False
inputs = keras.Input(shape=(32, 32, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
model.summary()
