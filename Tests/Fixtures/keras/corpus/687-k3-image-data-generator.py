# ImageDataGenerator, the data augmentation of older tutorials, next to the model it feeds.
# %%
from tensorflow.keras.preprocessing.image import ImageDataGenerator

datagen = ImageDataGenerator(rescale=1.0 / 255, rotation_range=20, horizontal_flip=True)

# %%
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(2)])
print(model.count_params())
