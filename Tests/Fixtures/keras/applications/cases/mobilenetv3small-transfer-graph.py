from tensorflow import keras

base = keras.applications.MobileNetV3Small(input_shape=(64, 64, 3), include_top=False, weights=None, pooling="avg")
inputs = keras.Input(shape=(64, 64, 3))
features = base(inputs)
a = keras.layers.Dense(8, name="head_a")(features)
b = keras.layers.Dense(8, name="head_b")(features)
merged = keras.layers.Concatenate()([a, b])
model = keras.Model(inputs, merged)
model.summary()
