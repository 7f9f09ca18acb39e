import logging
import sys

from tensorflow import keras
from tensorflow.keras import layers

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s: %(message)s")
logger = logging.getLogger("builder")


def conv_stack(x, filters_list):
    for filters in filters_list:
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        logger.info("conv %d -> %s", filters, tuple(x.shape))
        x = layers.MaxPooling2D()(x)
        logger.debug("pooled to %s", tuple(x.shape))
    return x


inputs = keras.Input(shape=(64, 64, 3))
features = conv_stack(inputs, [16, 32, 64])
outputs = layers.Dense(5)(layers.Flatten()(features))
model = keras.Model(inputs, outputs)
if model.count_params() > 100_000:
    logger.warning("large head: %d parameters", model.count_params())
logging.getLogger("builder.quiet").setLevel(logging.ERROR)
logging.getLogger("builder.quiet").warning("not shown")
logging.info("root logger: %s layers", len(model.layers))
print(logger.getEffectiveLevel(), logger.isEnabledFor(logging.DEBUG), logging.getLevelName(40))
