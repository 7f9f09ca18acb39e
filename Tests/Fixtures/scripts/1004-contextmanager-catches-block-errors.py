# A @contextmanager generator around model building sees the exception that leaves its `with`
# block at its `yield`: it may report and swallow it (the script goes on after the block), clean up
# in `finally` and let it go on, or raise another one in its place.
import contextlib

from tensorflow import keras


@contextlib.contextmanager
def stage(name):
    print(f"[{name}] start")
    try:
        yield name
    except ValueError as error:
        print(f"[{name}] skipped:", str(error).splitlines()[0][:60])
    finally:
        print(f"[{name}] done")


inputs = keras.Input((8, 8, 3))
with stage("stem") as label:
    x = keras.layers.Conv2D(4, 3, name=label)(inputs)
    print(x.shape)
with stage("too-wide"):
    keras.layers.Conv2D(4, 20)(x)
    print("not reached")
print("after the failed stage")


@contextlib.contextmanager
def logged():
    try:
        yield
    finally:
        print("logged: leaving")


try:
    with logged():
        keras.layers.Dense(-2)
except ValueError as error:
    print("caught outside:", type(error).__name__)


@contextlib.contextmanager
def strict():
    try:
        yield
    except KeyError as error:
        raise RuntimeError(f"missing setting {error}")


try:
    with strict():
        settings = {"units": 4}
        keras.layers.Dense(settings["unit"])
except RuntimeError as error:
    print("RuntimeError:", error)
model = keras.Model(inputs, x)
print(model.count_params())
