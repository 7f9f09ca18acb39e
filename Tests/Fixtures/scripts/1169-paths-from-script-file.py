# Paths built from the script's own location, as project scripts set up their folders.
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
MODEL_DIR = BASE_DIR / "saved_models"
WEIGHTS = MODEL_DIR / "cnn_best.weights.h5"

print(BASE_DIR.is_absolute(), BASE_DIR == Path(__file__).absolute().parent)
print(WEIGHTS.relative_to(BASE_DIR), WEIGHTS.suffixes, WEIGHTS.stem)
print(Path("logs/../checkpoints/./run1").resolve().relative_to(BASE_DIR))
print(Path(__file__).resolve().name == os.path.basename(__file__))
print(os.path.exists(WEIGHTS), WEIGHTS.exists())
print(Path("config.yaml").resolve(strict=False).parent == BASE_DIR)
