# tf-keras' per-call accessors (get_output_shape_at and kin), as YOLOv2 feature extractors use
# them to learn their grid size: a model has calls only once it is called as a layer.
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input((32, 32, 3))
x = layers.Conv2D(8, 3, strides=2, padding="same", name="stem")(image)
x = layers.MaxPooling2D(name="pool")(x)
extractor = keras.Model(image, x, name="extractor")

# %%
print(extractor.get_output_shape_at(-1)[1:3])

# %%
shared = layers.Dense(4, name="shared")
a = keras.Input((6,))
b = keras.Input((3, 6))
ya = shared(a)
yb = shared(b)
print(shared.get_output_shape_at(0), shared.get_output_shape_at(1), shared.get_input_shape_at(-1))
print(shared.get_output_at(1) is yb, shared.get_input_at(0) is a)
merged = layers.concatenate([ya, ya], name="pair")
print(merged.shape, extractor.get_layer("stem").get_output_shape_at(0))
print(layers.Concatenate().name)

# %%
shared.get_output_shape_at(2)

# %%
features = extractor(keras.Input((32, 32, 3)))
print(extractor.get_output_shape_at(-1), extractor.get_input_shape_at(0))

# %%
extractor.get_layer("pool").get_output_shape_at()

# %%
# YOLOv2's ResNet50 extractor rebuilds a model from its first layer's input: Keras 3's input
# layer has no input tensors of its own.
trunk = keras.Model(extractor.layers[0].input, extractor.get_layer("stem").output, name="trunk")
print(trunk.output_shape)
