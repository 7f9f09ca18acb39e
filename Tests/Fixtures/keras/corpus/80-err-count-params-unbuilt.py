# count_params() before the model is built.
from tensorflow.keras import layers, models

model = models.Sequential()
model.add(layers.Dense(32, activation='relu'))
model.add(layers.Dense(1))
print(model.count_params())
