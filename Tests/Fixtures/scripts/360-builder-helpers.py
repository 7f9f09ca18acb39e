"""A network builder in the style of pre-2020 model files: it accepts an input tensor or a shape,
asks the backend what it is given, and names its blocks in name scopes."""
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Input, Conv2D, BatchNormalization, Activation, GlobalAveragePooling2D, Dense, add
from tensorflow.keras.models import Model
from tensorflow.keras.utils import get_file, get_source_inputs

WEIGHTS_URL = "https://example.org/tiny-residual-weights.h5"


def residual_unit(x, filters, tag):
    with K.name_scope("unit_" + tag):
        shortcut = x
        y = Conv2D(filters, 3, padding="same", use_bias=False)(x)
        y = BatchNormalization()(y)
        y = Activation("relu")(y)
        y = Conv2D(filters, 3, padding="same", use_bias=False)(y)
        y = BatchNormalization()(y)
        return Activation("relu")(add([shortcut, y]))


def TinyResidual(input_shape=None, input_tensor=None, weights=None, classes=7):
    if K.backend() != "tensorflow":
        raise RuntimeError("only the TensorFlow backend is tested")
    if input_tensor is None:
        image = Input(shape=input_shape)
    elif not K.is_keras_tensor(input_tensor):
        image = Input(tensor=input_tensor, shape=input_shape)
    else:
        image = input_tensor
    x = Conv2D(16, 3, padding="same")(image)
    for i in range(2):
        x = residual_unit(x, 16, str(i))
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes, activation="softmax")(x)
    inputs = get_source_inputs(input_tensor) if input_tensor is not None else image
    model = Model(inputs, x, name="tiny_residual")
    if weights == "pretrained":
        model.load_weights(get_file("tiny.h5", WEIGHTS_URL, cache_subdir="models"))
    return model


first = TinyResidual(input_shape=(24, 24, 3))
print(first.name, first.count_params(), len(first.layers))

# A tensor made by another layer: the builder walks back to the Input it came from.
raw = Input(shape=(24, 24, 1), name="grey")
colour = Conv2D(3, 1, name="to_rgb")(raw)
second = TinyResidual(input_tensor=colour)
print([t.name for t in second.inputs], second.output_shape)
second.summary()

sources = get_source_inputs(colour)
print(len(sources), sources[0] is raw, get_source_inputs(raw)[0] is raw)
print(K.is_keras_tensor(colour), K.backend(), get_source_inputs(3))
print(K.is_keras_tensor(first.output))
print(K.is_keras_tensor([1, 2]))
