# A feature pyramid: a bottom-up path, lateral 1x1 convolutions added to upsampled coarser
# levels, and one 3x3 output per level (three outputs).
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(64, 64, 3))
c2 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu", name="c2")(image)
c3 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="c3")(c2)
c4 = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu", name="c4")(c3)

p4 = layers.Conv2D(24, 1, name="lat4")(c4)
p3 = layers.Add(name="merge3")([layers.UpSampling2D(name="up4")(p4), layers.Conv2D(24, 1, name="lat3")(c3)])
p2 = layers.Add(name="merge2")([layers.UpSampling2D(name="up3")(p3), layers.Conv2D(24, 1, name="lat2")(c2)])
outs = [layers.Conv2D(24, 3, padding="same", name=f"p{i}")(p) for i, p in ((2, p2), (3, p3), (4, p4))]
fpn = keras.Model(image, outs, name="fpn")
fpn.summary()
print(fpn.output_shape)
print([t.shape for t in fpn.outputs])
