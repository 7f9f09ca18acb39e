# Helpers around a model: a table printer pads with str methods (a width beyond a C ssize_t is an
# OverflowError), and a feature check asks TensorFlow's namespaces for functions by name (a name
# TensorFlow lacks is an AttributeError, whatever the namespace).
import tensorflow as tf

for width in (12, True, 2**63, 2**70):
    for method in ("ljust", "rjust", "center", "zfill"):
        try:
            print(repr(getattr("conv", method)(width)))
        except (OverflowError, TypeError) as error:
            print(method, type(error).__name__, error)
try:
    "conv".ljust(3.5)
except TypeError as error:
    print(error)

wanted = {
    tf.math: ["reduce_sum", "top_k", "softplus", "reduce_summ", "gelu"],
    tf.image: ["resize", "flip_left_right", "rgb_to_grayscale", "random_rotate"],
    tf.linalg: ["matmul", "einsum", "norm", "inverse"],
    tf.signal: ["fft", "stft", "conv2d"],
}
for namespace, names in wanted.items():
    print([name for name in names if hasattr(namespace, name)])
for name in ("relu6", "gelu"):
    try:
        getattr(tf.math, name)
        print(name, "found")
    except AttributeError as error:
        print(error)
tf.image.random_rotate
