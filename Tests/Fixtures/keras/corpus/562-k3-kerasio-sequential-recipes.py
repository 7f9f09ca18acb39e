# keras-io's Sequential recipes: a model built by add() with summaries in between, a named
# Sequential passed a list, and a model built later with build().
# %%
import keras
from keras import layers

model = keras.Sequential(name="my_sequential")
model.add(keras.Input(shape=(250, 250, 3)))
model.add(layers.Conv2D(32, 5, strides=2, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(3))
model.summary()

# %%
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(3))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.GlobalMaxPooling2D())
model.add(layers.Dense(10))
model.summary()

# %%
later = keras.Sequential(
    [
        layers.Dense(2, activation="relu", name="layer1"),
        layers.Dense(3, activation="relu", name="layer2"),
        layers.Dense(4, name="layer3"),
    ]
)
later.summary()
later.build((None, 4))
later.summary()
print(len(later.weights))

# %%
mnist = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ]
)
mnist.summary(line_length=64)
mnist.summary(positions=[0.5, 0.8, 1.0])

# %%
feature_extractor = keras.Sequential(
    [keras.Input(shape=(32,)), layers.Dense(16, activation="gelu"), layers.Dense(8)],
    name="encoder",
)
head = keras.Sequential([feature_extractor, layers.Dense(1, activation="hard_sigmoid")], name="classifier")
head.summary()
head.summary(expand_nested=True, show_trainable=True)
