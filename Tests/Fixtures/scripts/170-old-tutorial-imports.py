# An old tutorial's imports: data helpers import fine (and are only refused when used);
# a module path Keras 2.6 removed is Python's ModuleNotFoundError.
from tensorflow.keras.preprocessing import sequence
from tensorflow.keras import layers, models

model = models.Sequential([
    layers.Embedding(5000, 32, input_length=80),
    layers.Conv1D(16, 5, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="nadam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()

from tensorflow.keras.layers.convolutional import Conv2D
