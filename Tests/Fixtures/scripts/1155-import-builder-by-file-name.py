# A course's test script: the builder lives in the file beside it (1154-builder-module.py) and is
# imported with __import__, whose module runs once, with globals of its own.
import os
import random

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
SEED = 3
random.seed(SEED)

helpers = __import__("1154-builder-module")
build_model = __import__("1154-builder-module").build_model

print(type(helpers).__name__, helpers.__name__, helpers.UNITS)
print(helpers.describe())
print(build_model.__name__, build_model.__module__)
print(__name__)

if __name__ == "__main__":
    network = build_model(12, [32, 8], 3, rate=0.5)
    network.summary()
    print([layer.name for layer in network.layers])

helpers.UNITS = 64
print(helpers.describe())
print(__import__("1154-builder-module") is helpers)
print(helpers.no_such_name)
