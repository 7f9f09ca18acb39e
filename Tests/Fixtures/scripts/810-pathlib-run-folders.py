# Run folders and checkpoint names built with pathlib, as training scripts name their outputs:
# only string work on paths, nothing touches the disk.
from pathlib import Path, PurePosixPath

import tensorflow as tf
from tensorflow import keras

ROOT = Path("experiments") / "cifar"
RUN = ROOT / "run_007"
CHECKPOINT = RUN / "checkpoints" / "epoch_{epoch:02d}.weights.h5"


def checkpoint_name(epoch: int) -> Path:
    return CHECKPOINT.with_name(CHECKPOINT.name.format(epoch=epoch))


def build(width: int = 16) -> keras.Model:
    inputs = keras.Input(shape=(32, 32, 3), name="images")
    x = keras.layers.Conv2D(width, 3, activation="relu", name=f"{RUN.name}_conv")(inputs)
    x = keras.layers.GlobalAveragePooling2D(name=f"{ROOT.stem}_pool")(x)
    outputs = keras.layers.Dense(10, name=CHECKPOINT.suffix.lstrip(".") + "_head")(x)
    return keras.Model(inputs, outputs, name=RUN.parent.name)


model = build()
model.summary()
print(RUN, repr(RUN), RUN.parts)
print(checkpoint_name(3), checkpoint_name(12).stem, checkpoint_name(12).suffixes)
print([str(p) for p in CHECKPOINT.parents])
print(CHECKPOINT.relative_to(ROOT), CHECKPOINT.is_relative_to(RUN))
print(Path("/data") / "train", "models" / Path("best.keras"), Path("a", "/b", "c"))
print(RUN.with_suffix(".zip"), RUN.joinpath("logs", "train").as_posix())
print(f"{RUN}/summary.txt", isinstance(RUN, Path), type(RUN).__name__)
print(PurePosixPath("x/y.py").with_stem("z"), Path() == Path("."), Path("a") < Path("b"))
try:
    RUN.with_suffix("zip")
except ValueError as error:
    print("ValueError:", error)
print(Path(RUN.name) / 7)
