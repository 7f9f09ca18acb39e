# A Lambda layer made in a list comprehension closes over the comprehension's variable: Keras
# calls it at once, so each layer slices its own channel; a plain lambda kept in a list and called
# after the comprehension ended sees the variable's last value (Python's late binding), unless the
# value is bound as a default.
from tensorflow import keras

channels = ["red", "green", "blue"]
image = keras.Input((8, 8, len(channels)))
planes = [
    keras.layers.Lambda(lambda t: t[..., i : i + 1], name=channels[i])(image)
    for i in range(len(channels))
]
print([plane.shape for plane in planes])
model = keras.Model(image, keras.layers.Concatenate()(planes[::-1]))
print([layer.name for layer in model.layers])

late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound])
