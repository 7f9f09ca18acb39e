"""A format specification whose `z` flag is followed by another `z` (the unknown format code
'z'), and keras.Input given a string for its shape, which both Kerases read as a tuple of its
characters."""
import keras

loss = 0.125
try:
    print(f"loss {loss:zz}")
except ValueError as error:
    print(error)
for spec in ("1.2q", "<>5"):
    try:
        print(format(loss, spec))
    except ValueError as error:
        print(error)
print(repr(keras.Input(shape="").shape))
keras.Input(shape="28")
