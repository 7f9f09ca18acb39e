# Reading layers' configurations back: get_config() of a small CNN's layers.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Conv2D(16, (5, 5), strides=2, padding="same", activation="relu", input_shape=(32, 32, 3)),
    layers.MaxPooling2D(pool_size=3, strides=2),
    layers.SeparableConv2D(32, 3, depth_multiplier=2, use_bias=False),
    layers.DepthwiseConv2D(3, padding="same"),
    layers.Conv2DTranspose(8, 3, strides=2),
    layers.GlobalAveragePooling2D(keepdims=True),
    layers.Flatten(),
    layers.Dropout(0.25),
    layers.Dense(10, activation="softmax", name="probs"),
])
for layer in model.layers:
    print(layer.get_config())

# %%
print(layers.Activation("tanh").get_config())
print(layers.Reshape((4, -1)).get_config())
print(layers.Embedding(100, 8, mask_zero=True).get_config())
print(layers.BatchNormalization(momentum=0.9, center=False).get_config())
config = model.get_layer("probs").get_config()
print(config["units"], config["activation"], sorted(config)[:3])
rebuilt = layers.Dense(config["units"], activation=config["activation"], name="probs_copy")
print(rebuilt.get_config()["name"], rebuilt.units)
