from dataclasses import dataclass, field, asdict, astuple, fields, is_dataclass, replace
import dataclasses
from typing import List, ClassVar

@dataclass
class TrainConfig:
    units: int
    dropout: float = 0.2
    layers: List[int] = field(default_factory=lambda: [32, 16])
    name: str = "model"
    count: ClassVar[int] = 0

c = TrainConfig(64)
print(c, c.units, c.layers, TrainConfig.dropout, TrainConfig.count)
d = TrainConfig(64, layers=[8])
print(c == TrainConfig(64), c == d, c != d, asdict(d), astuple(c))
print([f.name for f in fields(c)], is_dataclass(c), is_dataclass(TrainConfig), is_dataclass(3))
print(replace(c, units=5))
c.units = 10
print(c)

# %%
from dataclasses import dataclass
import dataclasses

@dataclass(frozen=True)
class Shape:
    height: int
    width: int = 28
    def area(self):
        return self.height * self.width

s = Shape(4)
print(s, s.area(), s == Shape(4, 28), s == (4, 28))
try:
    s.height = 3
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e, isinstance(e, AttributeError))

# %%
from dataclasses import dataclass, field, asdict

@dataclass
class Block:
    filters: int
    def __post_init__(self):
        self.doubled = self.filters * 2

@dataclass
class Net:
    blocks: list = field(default_factory=list)
    head: Block = None

n = Net([Block(3)], Block(1))
print(n, n.blocks[0].doubled, asdict(n), Net().blocks is not Net().blocks)

@dataclass
class Sub(Block):
    kernel: int = 3
print(Sub(8), Sub(8, kernel=5).kernel)

# %%
from dataclasses import dataclass, field

@dataclass
class TrainConfig:
    units: int
    dropout: float = 0.2
    layers: list = field(default_factory=list)
    name: str = "model"

TrainConfig()

# %%
from dataclasses import dataclass, field

@dataclass
class TrainConfig:
    units: int
    dropout: float = 0.2
    layers: list = field(default_factory=list)
    name: str = "model"

TrainConfig(1, 2, [3], "x", 5)

# %%
from dataclasses import dataclass, field

@dataclass
class TrainConfig:
    units: int
    dropout: float = 0.2
    layers: list = field(default_factory=list)
    name: str = "model"

TrainConfig(1, bad=2)

# %%
from dataclasses import dataclass

@dataclass
class Bad:
    a: int = 1
    b: int

# %%
from dataclasses import dataclass

@dataclass
class Bad:
    a: list = []

