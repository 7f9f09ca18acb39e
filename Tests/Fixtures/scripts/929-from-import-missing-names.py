# A helper module list written from memory: a name a TensorFlow namespace lacks fails at the
# import (printed here without the install folder, which differs from machine to machine).
import tensorflow as tf


def shown(error):
    message = str(error)
    return message[: message.index(" (")], message.endswith("/__init__.py)")


try:
    from tensorflow.math import reduce_summ
except ImportError as error:
    print(*shown(error))
from tensorflow.math import reduce_sum, softplus

print(reduce_sum.__name__, softplus.__name__)
try:
    from tensorflow.image import resize, random_rotate
except ImportError as error:
    print(*shown(error))
print(callable(resize))
try:
    random_rotate
except NameError as error:
    print(error)
