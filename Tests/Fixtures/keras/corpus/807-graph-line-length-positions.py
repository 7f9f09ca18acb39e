# A branching model (four columns, with Connected to) printed at several widths and with
# relative and absolute positions, including a width too narrow for its names.
from tensorflow import keras
from tensorflow.keras import layers

a = keras.Input(shape=(10, 10, 3), name="rgb_image_input")
b = keras.Input(shape=(10, 10, 1), name="depth_map_input")
x = layers.Conv2D(4, 3, padding="same", name="rgb_convolution_first")(a)
y = layers.Conv2D(4, 3, padding="same", name="depth_convolution_first")(b)
z = layers.concatenate([x, y, b], name="fused_rgb_and_depth_maps")
z = layers.Conv2D(2, 1, name="fuse")(z)
fused = keras.Model([a, b], z, name="rgbd")
fused.summary(line_length=60)
fused.summary(line_length=140)
fused.summary(positions=[0.25, 0.5, 0.65, 1.0])
fused.summary(line_length=100, positions=[40, 70, 80, 100])
fused.summary(line_length=70, positions=[0.4, 0.7, 0.8, 1.0], show_trainable=True)
