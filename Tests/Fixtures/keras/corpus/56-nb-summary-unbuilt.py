# Notebook session: summary() before and after the model is built.
from tensorflow import keras
from tensorflow.keras import layers

# %%
model = keras.Sequential()
model.add(layers.Conv2D(32, 3, activation='relu'))
model.add(layers.GlobalAveragePooling2D())
model.add(layers.Dense(10))
print(model.built)
model.summary()

# %%
print(model.count_params())

# %%
model.build((None, 28, 28, 1))
model.summary()

# %%
model2 = keras.Sequential()
model2.add(keras.Input(shape=(28, 28, 1)))
model2.add(layers.Conv2D(32, 3, activation='relu'))
model2.summary()
model2.add(layers.MaxPooling2D())
model2.summary()
