# A training script sets up its augmentation before the model: the generator only stores and
# checks its settings (a zoom of z becomes [1 - z, 1 + z]; the axes follow channels_last) until
# it is asked for data.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.image import ImageDataGenerator

augment = ImageDataGenerator(
    rescale=1.0 / 255,
    rotation_range=15,
    width_shift_range=0.1,
    height_shift_range=0.1,
    shear_range=0.2,
    zoom_range=0.25,
    horizontal_flip=True,
    fill_mode="reflect",
    validation_split=0.2,
)
plain = ImageDataGenerator(1.0 / 255)
print(type(augment).__name__, augment.rotation_range, augment.zoom_range, augment.fill_mode)
print(augment.rescale, augment.data_format, augment.channel_axis, augment.row_axis)
print(augment.col_axis, augment.dtype, augment.brightness_range, augment.mean, augment.std)
print(plain.featurewise_center, plain.rescale, plain.zoom_range, plain.cval)
print(ImageDataGenerator(zoom_range=(0.5, 2)).zoom_range, ImageDataGenerator(zoom_range=1).zoom_range)
print(ImageDataGenerator(data_format="channels_first").channel_axis)
augment.rotation_range = 30
print(augment.rotation_range, hasattr(augment, "flow_from_directory"))

settings = [
    {"validation_split": 1.0},
    {"validation_split": -0.1},
    {"zoom_range": [0.9, 1.1, 1.2]},
    {"zoom_range": "wide"},
    {"brightness_range": 0.3},
    {"brightness_range": (0.8,)},
    {"data_format": "NHWC"},
    {"rotate": 10},
]
for setting in settings:
    try:
        ImageDataGenerator(**setting)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
try:
    augment.shift
except AttributeError as error:
    print(error)

model = tf.keras.Sequential(
    [
        tf.keras.Input((32, 32, 3)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(3, activation="softmax"),
    ]
)
model.summary()
