import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def make_classifier(input_shape=(40, 40, 3), classes=4):
    inputs = keras.Input(shape=input_shape, name="pixels")
    x = layers.Conv2D(8, 3, activation="relu", name="conv_a")(inputs)
    x = layers.MaxPooling2D(name="pool_a")(x)
    x = layers.Conv2D(16, 3, activation="relu", name="conv_b")(x)
    x = layers.MaxPooling2D(name="pool_b")(x)
    x = layers.Conv2D(32, 3, activation="relu", name="conv_c")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = layers.Dense(classes, activation="softmax", name="scores")(x)
    return keras.Model(inputs, outputs, name="classifier")


model = make_classifier()
conv_layers = [layer for layer in model.layers if layer.name.startswith("conv")]
extractor = keras.Model(inputs=model.input, outputs=[layer.output for layer in conv_layers])
images = np.ones((2, 40, 40, 3), dtype="float32")
maps = extractor.predict(images, verbose=0)
for layer, feature_map in zip(conv_layers, maps):
    print(f"{layer.name}: {feature_map.shape} from {layer.input.shape[1:]} ({layer.count_params()} params)")

last = keras.Model(model.inputs, model.get_layer("conv_c").output)
difference = last.predict(images, verbose=0) - maps[-1]
print("shared weights:", float(difference.max()) == 0.0 and float(difference.min()) == 0.0)
head = keras.Model(model.input, [model.get_layer("conv_c").output, model.output])
conv_out, scores = head.predict(images, verbose=0)
gap = scores - model.predict(images, verbose=0)
print(conv_out.shape, scores.shape, float(gap.max()) == 0.0 and float(gap.min()) == 0.0)
