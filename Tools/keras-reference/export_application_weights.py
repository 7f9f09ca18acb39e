#!/usr/bin/env python3
"""Export a keras.applications model's ImageNet weights as the .npz ConvBook reads.

Usage (on a machine with TensorFlow and network access; Keras downloads the .h5 once):
    TF_USE_LEGACY_KERAS=1 python Tools/keras-reference/export_application_weights.py ResNet50
    ... MobileNetV2 --no-top --input-shape 96,96,3 --alpha 0.35
    ... ResNet50 --out /some/folder/resnet50.npz

Writes `np.savez(path, **{w.name: w.numpy() for w in model.weights})`: Keras' weight names as keys
(`conv1_conv/kernel:0`), in `model.weights` order, float32 in Keras' layouts; the format of
ConvBook's `save_weights` and `--weights FILE`. The default path is
`$CONVBOOK_WEIGHTS_DIR/NAME.npz`, else `~/.keras/models/NAME.npz`, where NAME is the model's Keras
name (`resnet50`, `mobilenetv2_0.35_96`) plus `_notop` without the classifier: the file ConvBook
looks for when a model is built with `weights="imagenet"`. Build the model in ConvBook with the same
arguments (`include_top`, `input_shape`, `alpha`), since Keras keeps separate weights for them.
"""
import argparse
import os
import pathlib

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import tf_keras as keras


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("application", help="a keras.applications function, e.g. ResNet50")
    parser.add_argument("--no-top", action="store_true", help="include_top=False")
    parser.add_argument("--input-shape", help="e.g. 96,96,3 (default: the family's)")
    parser.add_argument("--alpha", type=float, help="MobileNet/MobileNetV2/V3 width")
    parser.add_argument("--out", help="the .npz to write")
    args = parser.parse_args()

    function = getattr(keras.applications, args.application, None)
    if function is None:
        parser.error(f"keras.applications has no {args.application}")
    kwargs = {"weights": "imagenet", "include_top": not args.no_top}
    if args.input_shape:
        kwargs["input_shape"] = tuple(int(d) for d in args.input_shape.split(","))
    if args.alpha is not None:
        kwargs["alpha"] = args.alpha
    model = function(**kwargs)

    name = model.name + ("" if kwargs["include_top"] else "_notop") + ".npz"
    if args.out:
        path = pathlib.Path(args.out)
    else:
        folder = os.environ.get("CONVBOOK_WEIGHTS_DIR") or os.path.expanduser("~/.keras/models")
        path = pathlib.Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    weights = {w.name: w.numpy() for w in model.weights}
    if len(weights) != len(model.weights):
        raise SystemExit("weight names are not unique; export from a fresh session")
    np.savez(path, **weights)
    count = sum(int(np.prod(w.shape)) for w in model.weights)
    print(f"wrote {path}: {len(weights)} weights, {count} values of {model.name}")


if __name__ == "__main__":
    main()
