# Asymmetric padding and cropping tuples in a graph, a dilated separable convolution in a
# residual branch, and a transposed convolution with output_padding and dilation.
from tensorflow import keras
from tensorflow.keras import layers

src = keras.Input(shape=(21, 19, 6))
p = layers.ZeroPadding2D(((2, 1), (0, 3)))(src)
c = layers.Cropping2D(((1, 0), (2, 1)))(p)
s = layers.SeparableConv2D(6, 3, padding="same", dilation_rate=2, depth_multiplier=2)(c)
r = layers.add([s, c])
t = layers.Conv2DTranspose(4, 3, strides=2, output_padding=1)(r)
d = layers.Conv2DTranspose(4, 3, dilation_rate=2, padding="same")(t)
u = layers.UpSampling2D((1, 2))(d)
m = layers.MaxPooling2D((3, 2), strides=(2, 3), padding="same")(u)
pad_model = keras.Model(src, m, name="asymmetric")
pad_model.summary()
print([l.output_shape for l in pad_model.layers[1:4]])
