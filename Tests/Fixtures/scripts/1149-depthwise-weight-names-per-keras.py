# Keras 3 names a DepthwiseConv layer's depthwise kernel `kernel` (tf-keras: `depthwise_kernel`),
# while a SeparableConv layer keeps `depthwise_kernel` and `pointwise_kernel` in both; a MobileNet
# style block shows the names and, in Keras 3, the paths under the Sequential model's scope.
from tensorflow import keras
from tensorflow.keras import layers

block = keras.Sequential(
    [
        keras.Input((8, 8, 3)),
        layers.DepthwiseConv2D(3, padding="same", name="dw"),
        layers.Conv2D(4, 1, name="pw"),
        layers.SeparableConv2D(6, 3, name="sep"),
        layers.Reshape((36, 6), name="seq"),
        layers.DepthwiseConv1D(3, name="dw1d"),
    ],
    name="mobile_block",
)
for layer in block.layers:
    print(layer.name, [w.name for w in layer.weights], [tuple(w.shape) for w in layer.weights])
    if hasattr(layer.weights[0] if layer.weights else None, "path"):
        print("  ", [w.path for w in layer.weights])
print(len(block.trainable_weights), block.count_params())
