# keras.applications models at their default 224x224 size, for Benchmarks/summary_benchmark.py
# (with --keras 2): the summary of a 175-layer ResNet50 and two other families.
from tensorflow import keras

resnet = keras.applications.ResNet50(weights=None)
mobilenet = keras.applications.MobileNetV2(weights=None)
efficientnet = keras.applications.EfficientNetB0(weights=None)
