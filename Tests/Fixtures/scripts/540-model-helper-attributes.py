# A model builder that hangs its own bookkeeping on the model it returns, the way segmentation
# libraries do: sizes as plain attributes, a helper bound with types.MethodType.
from types import MethodType, SimpleNamespace

from tensorflow import keras
from tensorflow.keras import layers


def describe(self, prefix="model"):
    return f"{prefix} {self.name}: {self.n_classes} classes at {self.out_h}x{self.out_w}"


def build(n_classes, size):
    inputs = keras.Input(shape=(size, size, 3))
    x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(n_classes, 1)(x)
    model = keras.Model(inputs, x, name="tiny_seg")
    shape = model.output_shape
    model.out_h = shape[1]
    model.out_w = shape[2]
    model.n_classes = n_classes
    model.model_name = "tiny"
    model.describe = MethodType(describe, model)
    setattr(model, "notes", ("built", size))
    return model


settings = SimpleNamespace(classes=5, size=32)
seg = build(settings.classes, settings.size)
seg.summary()
print(seg.out_h, seg.out_w, seg.n_classes, repr(seg.model_name), seg.notes)
print(seg.describe())
print(seg.describe(prefix="segmenter"))
print(hasattr(seg, "out_h"), hasattr(seg, "missing"), getattr(seg, "missing", "default"))
print(seg.describe.__self__ is seg, seg.describe.__name__)
seg.n_classes += 1
print(seg.n_classes, settings)
print(seg.missing)
