# Segmentation libraries attach their own fields and helper methods to the Keras model they
# return; `types` supplies the binding. Models and layers keep what a script gives them, while
# Keras' own read-only properties refuse, each Keras in its own words.
from types import MethodType, SimpleNamespace
import types

from tensorflow import keras

image = keras.Input((8, 8, 3))
features = keras.layers.Conv2D(4, 3, padding="same", name="features")(image)
scores = keras.layers.Conv2D(2, 1, name="scores")(features)
net = keras.Model(image, scores)
net.n_classes = 2
net.output_height, net.output_width = net.output_shape[1:3]
net.model_name = ""


def pixel_count(self, scale=1):
    return self.output_height * self.output_width * scale


net.pixel_count = MethodType(pixel_count, net)
print(net.n_classes, net.pixel_count(), net.pixel_count(scale=2), repr(net.model_name))
print(type(net.pixel_count).__name__, isinstance(net.pixel_count, types.MethodType))
print(net.pixel_count.__func__ is pixel_count, net.pixel_count.__self__ is net)
print(net.pixel_count.__name__, callable(net.pixel_count))

head = net.get_layer("scores")
head.role = "classifier"
print(head.role, net.layers[-1].role)

settings = SimpleNamespace(width=8, tag="demo")
settings.depth = 3
print(settings, settings.width * settings.depth, type(settings).__name__)
print(settings == SimpleNamespace(width=8, tag="demo", depth=3), isinstance(settings, SimpleNamespace))

for attribute in ["output_shape", "weights", "input"]:
    try:
        setattr(net, attribute, None)
    except AttributeError as error:
        print(attribute, "->", error)

for arguments in [(pixel_count,), (3, net), (pixel_count, None)]:
    try:
        MethodType(*arguments)
    except TypeError as error:
        print("MethodType:", error)

print(net.missing_field)
