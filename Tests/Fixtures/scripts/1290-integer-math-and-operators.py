# The integer functions of `math`, `operator`'s functions with `functools.reduce`, the str
# predicates, and issubclass() of a script's layer class against Keras' classes.
import functools
import math
import operator
from tensorflow import keras

shape = (7, 7, 32)
print(functools.reduce(operator.mul, shape, 1), functools.reduce(operator.add, shape))
print(operator.sub(10, 3), operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 3))
print(operator.pow(2, 10), operator.add("conv", "_1"), operator.mul([0], 3))
print(math.gcd(48, 36), math.gcd(), math.gcd(0, -12), math.gcd(12, 18, 27), math.gcd(True, 4))
print(math.lcm(4, 6), math.lcm(), math.lcm(3, 0), math.lcm(-4, 6))
print(math.factorial(20), math.factorial(25), math.comb(10, 3), math.comb(3, 5), math.comb(60, 30))
print(math.perm(5, 2), math.perm(5), math.perm(4, 0), math.isqrt(99), math.isqrt(10**30))
groups = math.gcd(96, 64)
model = keras.Sequential([keras.Input((8, 8, 96)), keras.layers.Conv2D(64, 3, groups=groups)])
print(groups, model.count_params())
for call in [
    lambda: math.factorial(-1),
    lambda: math.factorial(2.0),
    lambda: math.comb(-1, 2),
    lambda: math.comb(4, -2),
    lambda: math.perm(3, -1),
    lambda: math.isqrt(-4),
    lambda: math.gcd(2.5, 5),
    lambda: math.comb(5),
    lambda: operator.mul(1),
    lambda: math.comb(5, None),
    lambda: math.comb(-1, "x"),
]:
    try:
        print(call())
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
for text in ["conv2d_1", "2d", "_x", "naïve", "Σ", "a-b", "", "١٢", "½", "12", "x²"]:
    print(
        repr(text), text.isidentifier(), text.isdecimal(), text.isnumeric(), text.isdigit(),
        text.isascii(), text.isspace(),
    )
print("\x1c\x1f".isspace(), "a\x1cb\x1dc".split(), "\x1e x \x1f".strip() == "x")


class ConvBN(keras.layers.Layer):
    def call(self, x):
        return x


class Residual(ConvBN):
    pass


class Wide(keras.layers.Dense):
    pass


class Net(keras.Model):
    pass


print(issubclass(Residual, keras.layers.Layer), issubclass(Residual, ConvBN))
print(issubclass(Wide, keras.layers.Dense), issubclass(Wide, keras.layers.Layer))
print(issubclass(Wide, keras.layers.Conv2D), issubclass(Net, keras.Model))
print(issubclass(Net, (keras.layers.Dense, keras.layers.Layer)), issubclass(ConvBN, keras.Model))
