# Keras 3 style: keras.ops for casting and shapes (under tf-keras, keras has no ops).
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(16, 16, 3))
print(keras.ops.shape(inputs))
batch, height, width, channels = keras.ops.shape(inputs)
print(height * width, channels)
x = keras.ops.cast(inputs, "float32")
x = layers.Conv2D(4, 3, padding="same")(x)
x = layers.Flatten()(x)
model = keras.Model(inputs, layers.Dense(2)(x), name="ops_model")
model.summary()
for layer in model.layers:
    print(f"{layer.name:<14} {layer.__class__.__name__:<12} {layer.count_params():>6,}")
