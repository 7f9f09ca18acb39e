from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential(name="m")
for units in [8, 4]:
    model.add(layers.Dense(units, activation="relu"))
model.build((None, 16))
print(model.count_params(), len(model.layers), model.layers[-1].name)
# %%
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(4, 3, padding="same", strides=2)(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
f = keras.Model(inputs, outputs)
f.summary()
print(f.get_layer(index=1).output_shape, 7 // 2, 2 ** 10, 1 / 3, "%d-%s" % (1, "a"))
# %%
print([l.name for l in f.layers if l.count_params() > 0], sum(range(5)), max(3, 1), abs(-2))
