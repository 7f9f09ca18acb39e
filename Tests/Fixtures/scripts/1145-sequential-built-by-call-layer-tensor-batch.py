# A Sequential model without an Input is built by its first call on data: Keras makes the
# tensors of its chain on the data's concrete shape, so `layer.output.shape`, `layer.input.shape`
# (and tf-keras' `layer.output_shape`) show that batch size, as the model's own shapes do, and so
# does a feature model made on those tensors. `predict` builds it for any batch in tf-keras but on
# the data's batch in Keras 3; a second call with another batch size relaxes tf-keras' model to
# None while Keras 3 keeps what it was built on.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def convnet():
    return keras.Sequential(
        [
            layers.Conv2D(4, 3, activation="relu", name="conv"),
            layers.MaxPooling2D(name="pool"),
            layers.Flatten(name="flat"),
            layers.Dense(3, name="logits"),
        ]
    )


def shapes(model):
    for layer in model.layers:
        print(layer.name, layer.input.shape, layer.output.shape)
        if hasattr(layer, "output_shape"):
            print("  output_shape", layer.output_shape, "input_shape", layer.input_shape)
    print("inputs", [t.shape for t in model.inputs], "outputs", [t.shape for t in model.outputs])


images = np.zeros((6, 10, 10, 1), dtype="float32")

called = convnet()
called(images)
shapes(called)
features = keras.Model(called.inputs, called.get_layer("flat").output)
print(features.output_shape)
features.summary()

predicted = convnet()
predicted.predict(images[:2], verbose=0)
shapes(predicted)

again = convnet()
again(images)
again(images[:4])
shapes(again)
print(again.input_shape, again.output_shape)
