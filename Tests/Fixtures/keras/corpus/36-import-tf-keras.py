# `import tf_keras as keras`: Keras 2 under its own package name.
import tf_keras as keras
from tf_keras import layers

model = keras.models.Sequential()
model.add(layers.Conv1D(64, kernel_size=3, activation='relu', input_shape=(128, 9)))
model.add(layers.Conv1D(64, kernel_size=3, activation='relu'))
model.add(layers.Dropout(0.5))
model.add(layers.MaxPooling1D(pool_size=2))
model.add(layers.Flatten())
model.add(layers.Dense(100, activation='relu'))
model.add(layers.Dense(6, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.summary()
print(model.layers[3].output_shape)
