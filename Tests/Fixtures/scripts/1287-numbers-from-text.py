# Text that becomes a layer size: Python's int() and float() read any script's decimal digits,
# strip any whitespace and allow `_` between digits; print() checks its sep and end.
import sys
from tensorflow import keras

units = int("١٢")  # Arabic-Indic digits
width = int(" \u0e53\u0e52\n")  # Thai digits and a newline
rate = float("\uff10.\uff15")  # full-width digits
print(units, width, rate, int("1_000"), float("1_0.5"), float(" 2.5e\u0661 "))
model = keras.Sequential(
    [keras.Input((units,)), keras.layers.Dense(width), keras.layers.Dropout(rate)]
)
print(model.count_params())
for text in ["_1", "1__0", "1_", "+_1", "²", " ", "0x10"]:
    try:
        int(text)
    except ValueError as error:
        print("int:", error)
for text in ["_1", "1_.5", "1._5", "1e_5", ".", "e5", "1e", "infinityx", "0x10", "1.5\u00a0"]:
    try:
        print("float:", float(text))
    except ValueError as error:
        print("float:", error)
print(float("+.5"), float("1.e2"), float("-Infinity"), float("1_000.000_1"))
for keywords in [{"sep": 7}, {"end": b"x"}, {"end": 2, "sep": 1}, {"file": 3}, {"fill": 1}]:
    try:
        print(1, 2, **keywords)
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)
