# A model registry that imports its builders by name, as config-driven projects do.
import importlib

REGISTRY = {"mlp": "1154-builder-module", "settings": "s1171_net.settings"}

builders = importlib.import_module(REGISTRY["mlp"])
settings = importlib.import_module(REGISTRY["settings"])
print(builders.__name__, settings.__name__, settings.DEFAULT_CLASSES)

model = builders.build_model(5, [7], settings.DEFAULT_CLASSES)
print(model.name, model.count_params(), len(model.layers))
print(__import__("s1171_net.settings").__name__, importlib.import_module("s1171_net") is __import__("s1171_net"))
