# pprint lays out what model scripts print: layer lists, configs, long strings; one item per
# line once a value is wider than the line, dict keys sorted unless pp() is used.
import pprint
from pprint import pformat, pp

from tensorflow import keras

net = keras.Sequential(
    [keras.Input((12,)), keras.layers.Dense(8, activation="relu", name="hidden"), keras.layers.Dense(3, name="logits")],
    name="tiny",
)
pprint.pprint([layer.name for layer in net.layers])
pprint.pprint({layer.name: layer.count_params() for layer in net.layers}, width=20)
config = net.layers[0].get_config()
pprint.pprint({key: config[key] for key in ["units", "activation", "use_bias", "name"]})
pp({"z_units": 8, "a_units": 3, "layers": [layer.name for layer in net.layers] * 6})
pprint.pprint([layer.output.shape for layer in net.layers] * 5, compact=True)

report = {
    "widths": list(range(0, 64, 4)),
    "notes": "Each hidden unit sees every input feature, so the first layer holds most weights. " * 2,
    "shape": (None, 12),
    "nested": {"deep": [[1, 2], [3, [4, [5, 6]]]], "flag": True, "ratio": 0.125},
}
pprint.pprint(report)
pprint.pprint(report, depth=2, width=50, indent=3)
print(pformat(report["widths"], width=30, compact=True))
pprint.pprint(frozenset(range(30)))
pprint.pprint({(2, "b"): 1, (1, "z"): 2, "key": 3, 7: 4, None: 5})
pprint.pprint({"big": 123456789}, underscore_numbers=True)
print(pprint.saferepr({"b": 1, "a": (1,)}), pprint.isreadable([net.name]), pprint.isrecursive([]))
for options in [{"indent": -1}, {"depth": 0}, {"width": 0}]:
    try:
        pprint.pprint([1], **options)
    except ValueError as error:
        print("ValueError:", error)

import io
from contextlib import redirect_stdout

captured = io.StringIO()
pprint.pprint({"layers": [layer.name for layer in net.layers] * 8, "count": 3}, stream=captured)
with redirect_stdout(captured):
    pp({"inside": True})
print(repr(captured.getvalue()))
