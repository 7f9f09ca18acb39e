# Convolutions on inputs with no channels. tf-keras builds the layer (a kernel with a zero-sized
# axis) and then TensorFlow's shape inference refuses the convolution op: "Depth of filter must
# not be 0", naming the node the layer lowered to; a dilated one fails earlier in Python with
# "integer modulo by zero". Keras 3 computes the shapes and accepts all of them. Transposed and
# depthwise convolutions pass in both.
from tensorflow import keras

cases = [
    ("conv1d", lambda: keras.layers.Conv1D(3, 2), (4, 0)),
    ("conv1d same strided", lambda: keras.layers.Conv1D(3, 2, padding="same", strides=2), (4, 0)),
    ("conv1d causal", lambda: keras.layers.Conv1D(3, 2, padding="causal"), (4, 0)),
    ("conv1d channels first", lambda: keras.layers.Conv1D(3, 2, data_format="channels_first"), (0, 4)),
    ("conv1d dilated", lambda: keras.layers.Conv1D(3, 2, dilation_rate=2), (5, 0)),
    ("conv2d", lambda: keras.layers.Conv2D(3, 2), (4, 4, 0)),
    ("conv2d 1x1 no bias", lambda: keras.layers.Conv2D(3, 1, use_bias=False, activation="relu"), (4, 4, 0)),
    ("conv2d strided first", lambda: keras.layers.Conv2D(3, (2, 1), strides=(2, 3), data_format="channels_first"), (0, 4, 4)),
    ("conv2d unknown sides", lambda: keras.layers.Conv2D(3, 2), (None, None, 0)),
    ("conv2d dilated", lambda: keras.layers.Conv2D(3, 2, dilation_rate=2), (4, 4, 0)),
    ("conv3d same", lambda: keras.layers.Conv3D(3, (1, 2, 3), strides=(1, 2, 1), padding="same"), (4, 4, 4, 0)),
    ("conv3d channels first", lambda: keras.layers.Conv3D(3, 2, data_format="channels_first"), (0, 4, 4, 4)),
    ("conv3d dilated", lambda: keras.layers.Conv3D(3, 2, dilation_rate=2), (5, 5, 5, 0)),
    ("conv2d transpose", lambda: keras.layers.Conv2DTranspose(3, 2), (4, 4, 0)),
    ("depthwise conv2d", lambda: keras.layers.DepthwiseConv2D(2), (4, 4, 0)),
]
for name, make, shape in cases:
    try:
        print(name, make()(keras.Input(shape)).shape)
    except Exception as error:
        print(name, type(error).__name__)
        print(error)

inputs = keras.Input((4, 4, 0), batch_size=7)
model = keras.Sequential([inputs, keras.layers.Conv2D(2, 3, name="empty")])
model.summary()
