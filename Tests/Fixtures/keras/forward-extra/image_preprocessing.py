# Forward-pass fixture image_preprocessing: Rescaling, Resizing, Random* augmentation (identity at inference), CenterCrop, RandomCrop (smart_resize at inference), Normalization.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20, 24, 3)),
    layers.Rescaling(1./255, offset=0.5),
    layers.Resizing(16, 18),
    layers.RandomFlip('horizontal'),
    layers.RandomRotation(0.2),
    layers.RandomZoom(0.1),
    layers.RandomContrast(0.3),
    layers.RandomTranslation(0.1, 0.1),
    layers.CenterCrop(12, 15),
    layers.RandomCrop(10, 6),
    layers.Resizing(7, 9, interpolation='nearest'),
    layers.Resizing(5, 4, crop_to_aspect_ratio=True),
    layers.Normalization(mean=[0.1, 0.2, 0.3], variance=[1.0, 2.0, 0.5]),
], name='image_preprocessing')
