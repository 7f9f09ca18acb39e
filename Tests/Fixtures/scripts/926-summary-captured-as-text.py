# Keeping the architecture as text for a report: the summary captured three ways (standard output
# redirected into a buffer, print_fn writing into a buffer, print_fn collecting lines), then
# measured and printed again.
import io
import sys
from contextlib import redirect_stdout

from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(
    [
        keras.Input((16, 16, 1)),
        layers.Conv2D(4, 3, activation="relu", name="features"),
        layers.Flatten(),
        layers.Dense(2, name="scores"),
    ],
    name="tiny",
)

buffer = io.StringIO()
with redirect_stdout(buffer) as target:
    model.summary()
    print("inside:", target is buffer)
    sys.stdout.write("written\n")
captured = buffer.getvalue()
print("lines:", len(captured.splitlines()), "chars:", len(captured))
print(captured.splitlines()[0])
print("after the block")

with io.StringIO() as stream:
    model.summary(print_fn=lambda text: stream.write(text + "\n"))
    streamed = stream.getvalue()
print(streamed == captured.replace("inside: True\nwritten\n", ""), stream.closed)

lines = []
model.summary(print_fn=lambda line: lines.append(line))
print(len(lines) > 0, "features" in "\n".join(lines))

notes = io.StringIO("header\n")
print(notes.read(), end="")
notes.write("more\n")
print(notes.tell(), repr(notes.getvalue()))
notes.seek(0)
print(notes.readline(), end="")
print(notes.readlines())
print("tail", file=notes)
print(repr(notes.getvalue()), notes.truncate(3), repr(notes.getvalue()))
notes.close()
try:
    notes.getvalue()
except ValueError as error:
    print(error)
try:
    io.StringIO().write(3)
except TypeError as error:
    print(error)
print(captured, end="")
