# Classes and namedtuples made in the script's own package belong to that module: their type
# text, __module__ and dir() say so, as Python's do.
from s1163_zoo.nets import Config, Registry, TinyNet, describe

config = Config(8, 3)
net = TinyNet(config)
net.build((None, 4))
print(type(net))
print(TinyNet.__module__, net.__class__.__qualname__, describe(net))
print(type(Registry()), Registry.__module__)
print(config, type(config), Config.__module__, type(config) is Config)
print(sorted(n for n in dir(Registry) if not n.startswith("__")))


class Local:
    pass


print(type(Local()), describe(Local()))
net.summary()
