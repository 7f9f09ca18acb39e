# Format specs that training scripts and notebooks use when they print model facts.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(96, 96, 3)),
        layers.Conv2D(32, 3, strides=2, activation="relu"),
        layers.DepthwiseConv2D(3, padding="same"),
        layers.Conv2D(64, 1),
        layers.GlobalMaxPooling2D(),
        layers.Dense(100, activation="softmax"),
    ],
    name="mobile_ish",
)
width = 14
total = model.count_params()
for layer in model.layers:
    n = layer.count_params()
    share = n / total
    print(f"{layer.name!r:>{width + 6}} | {n:>{width},} | {n:_} | {share:>7.2%} | {n:^9} | {n:<6}|")
print(f"{total:=+12,}", f"{total:e}", f"{total:.3g}", f"{total / 3:010.3f}", f"{-total:x}")
print(format(total, ","), format(total / 1e6, ".2f") + "M", format(0.5, "%"), format(7, "b"))
print("%-12s|%8d|%8.2f|%s" % (model.name, total, total / 1024, model.output_shape))
print("{:>20}".format(model.name), "{0:*^20}".format("done"), "{n:#o}".format(n=total))
print({layer.name: layer.count_params() for layer in model.layers if layer.count_params()})
sizes = {layer.name: layer.units for layer in model.layers}
