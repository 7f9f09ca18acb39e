# ConvNeXt given an `input_tensor` that comes out of other layers: tf-keras builds the network
# from the source Input of that tensor (`x = inputs`), so the layers in between are left out of
# the model; Keras 3 starts from the tensor itself. Other families keep those layers in both.
from tensorflow import keras
from tensorflow.keras import layers

images = keras.Input(shape=(40, 48, 3))
scaled = layers.Rescaling(1.0 / 255)(images)
flipped = layers.RandomFlip("horizontal")(scaled)
for make in (keras.applications.ConvNeXtTiny, keras.applications.DenseNet121):
    base = make(weights=None, include_top=False, input_tensor=flipped, pooling="avg")
    print(base.name, len(base.layers), [layer.name for layer in base.layers[:3]])
    print(base.input_shape, base.output_shape, base.count_params())

other = keras.Input(shape=(32, 32, 3))
head = layers.Conv2D(3, 1, name="to_rgb")(other)
tiny = keras.applications.ConvNeXtTiny(
    weights=None, include_top=True, input_tensor=head, classes=4, classifier_activation=None
)
print(len(tiny.layers), tiny.layers[1].name, tiny.count_params())
out = layers.Dense(2)(tiny.output)
model = keras.Model(other, out)
print([layer.name for layer in model.layers[:3]], model.count_params())
