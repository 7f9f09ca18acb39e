# Atrous (dilated) 2D convolutions as in DeepLab's ASPP branches, stacked.
from tensorflow.keras import layers, models

model = models.Sequential([
    layers.Conv2D(64, 3, dilation_rate=2, input_shape=(65, 65, 3)),
    layers.Conv2D(64, 3, dilation_rate=(4, 4), padding='same'),
    layers.Conv2D(64, (3, 5), dilation_rate=(2, 3)),
    layers.Conv2D(32, 3, dilation_rate=6, padding='valid', activation='relu'),
    layers.DepthwiseConv2D(3, dilation_rate=2),
    layers.SeparableConv2D(16, 3, dilation_rate=3, padding='same'),
])
model.summary()
print(model.output_shape)
