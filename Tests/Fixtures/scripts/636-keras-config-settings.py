# Keras 3's keras.config: reading the settings a model runs with, turning traceback
# filtering off (it only changes how errors are printed) and keeping the image format.
from tensorflow import keras
from tensorflow.keras import layers

keras.config.disable_traceback_filtering()
print("backend:", keras.config.backend())
print("format:", keras.config.image_data_format(), "| floatx:", keras.config.floatx())
print("epsilon:", keras.config.epsilon())
keras.config.set_image_data_format("channels_last")

channels_first = keras.config.image_data_format() == "channels_first"
shape = (3, 16, 16) if channels_first else (16, 16, 3)
model = keras.Sequential([keras.Input(shape), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D()])
model.summary()
