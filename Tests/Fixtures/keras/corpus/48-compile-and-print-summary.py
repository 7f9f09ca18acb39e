# print(model.summary()) prints the summary and then "None".
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential()
model.add(layers.Dense(32, activation='relu', input_shape=(16,)))
model.add(layers.Dense(1, activation='sigmoid'))
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss='binary_crossentropy', metrics=['accuracy'])
print(model.summary())
print("params:", model.count_params())
print(f"{model.count_params():,}")
