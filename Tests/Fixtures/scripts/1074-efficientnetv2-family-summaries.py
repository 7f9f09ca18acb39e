# EfficientNetV2: fused MBConv stages, then MBConv stages with squeeze-and-excitation; the B
# variants rescale and normalize the image, S/M/L rescale to [-1, 1].
from tensorflow import keras
from tensorflow.keras import layers

small = keras.applications.EfficientNetV2B0(include_top=False, weights=None, input_shape=(48, 48, 3))
small.summary(line_length=110)
print(small.name, len(small.layers), small.count_params(), small.output_shape)

for builder in [keras.applications.EfficientNetV2B1, keras.applications.efficientnet_v2.EfficientNetV2B3,
                keras.applications.EfficientNetV2S, keras.applications.EfficientNetV2M]:
    model = builder(include_top=False, weights=None, input_shape=(64, 64, 3), pooling="max")
    print(model.name, len(model.layers), model.count_params(), model.output_shape)

image = keras.Input(shape=(80, 80, 3), name="photo")
backbone = keras.applications.EfficientNetV2B2(
    include_top=False, weights=None, input_tensor=image, include_preprocessing=False)
head = layers.Dense(5, activation="softmax")(layers.GlobalAveragePooling2D()(backbone.output))
classifier = keras.Model(image, head)
print(len(classifier.layers), classifier.count_params())
print([layer.name for layer in backbone.layers[:12]])
full = keras.applications.EfficientNetV2L(weights=None, classes=7)
print(full.name, full.input_shape, full.output_shape, full.count_params())
