# Drawing the architecture after printing it: without pydot (and Graphviz) plot_model fails with
# an ImportError after the summary, once the model is built; an unbuilt one fails first.
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import plot_model

unbuilt = keras.Sequential([layers.Dense(4), layers.Dense(1)])
try:
    plot_model(unbuilt, to_file="unbuilt.png")
except ValueError as error:
    print("ValueError:", error)
try:
    keras.utils.plot_model(unbuilt, "unbuilt.png", True, dpi=72)
except ValueError as error:
    print("ValueError:", error)

image = keras.Input(shape=(28, 28, 1), name="image")
x = layers.Conv2D(16, 3, activation="relu")(image)
x = layers.GlobalAveragePooling2D()(x)
digit = layers.Dense(10, activation="softmax", name="digit")(x)
model = keras.Model(image, digit, name="digits")
model.summary()
try:
    plot_model(model, to_file="digits.png", show_shapes=True, show_layer_names=True)
except ImportError as error:
    print("first try:", type(error).__name__)
keras.utils.plot_model(model, "digits.png", show_shapes=True, rankdir="LR", expand_nested=True)
print("not reached")
