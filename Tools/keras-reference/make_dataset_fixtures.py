#!/usr/bin/env python3
"""Write tiny synthetic files in Keras' data set cache formats, for the loader tests:
Tests/Fixtures/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz (gzip'd IDX,
as keras.datasets.fashion_mnist downloads them) and cifar-10-batches-py/{data_batch_1..5,
test_batch} (pickles laid out as the real ones, which Python 2's cPickle wrote with protocol 2:
byte strings as SHORT_BINSTRING/BINSTRING, arrays through numpy.core.multiarray._reconstruct),
two images per batch; and print what the loaders should return.

    ~/keras-ref/bin/python Tools/keras-reference/make_dataset_fixtures.py
"""
import gzip
import io
import pathlib
import pickle
import struct

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "datasets"


def idx(kind, array):
    header = bytes([0, 0, 8, kind]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


class Python2Pickler(pickle._Pickler):
    """Protocol 2 as Python 2 wrote it: bytes are `str` (BINSTRING), numpy under numpy.core."""

    dispatch = dict(pickle._Pickler.dispatch)

    def save_bytes(self, obj):
        if len(obj) < 256:
            self.write(b"U" + bytes([len(obj)]) + obj)
        else:
            self.write(b"T" + struct.pack("<i", len(obj)) + obj)
        self.memoize(obj)

    dispatch[bytes] = save_bytes

    def save_global(self, obj, name=None):
        module = getattr(obj, "__module__", "")
        name = name or obj.__qualname__
        if module.startswith("numpy._core"):
            module = "numpy.core" + module[len("numpy._core"):]
        self.write(b"c" + module.encode() + b"\n" + name.encode() + b"\n")
        self.memoize(obj)

    dispatch[type] = save_global


def cifar(folder, rng):
    folder.mkdir(parents=True, exist_ok=True)
    summary = []
    for name in ["data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
                 "test_batch"]:
        data = rng.integers(0, 256, size=(2, 3072)).astype(np.uint8)
        labels = [int(v) for v in rng.integers(0, 10, size=2)]
        record = {b"batch_label": b"synthetic " + name.encode(), b"labels": labels,
                  b"data": data, b"filenames": [b"a.png", b"b.png"]}
        buffer = io.BytesIO()
        Python2Pickler(buffer, protocol=2).dump(record)
        (folder / name).write_bytes(buffer.getvalue())
        summary.append((name, labels, int(data.sum())))
    return summary


def main():
    rng = np.random.default_rng(11)
    folder = OUT / "fashion-mnist"
    folder.mkdir(parents=True, exist_ok=True)
    for prefix, count in [("train", 6), ("t10k", 3)]:
        images = rng.choice(np.array([0, 40, 80, 255], np.uint8), size=(count, 28, 28),
                            p=[0.7, 0.1, 0.1, 0.1])
        labels = rng.integers(0, 10, size=count).astype(np.uint8)
        for name, data in [(f"{prefix}-images-idx3-ubyte.gz", idx(3, images)),
                           (f"{prefix}-labels-idx1-ubyte.gz", idx(1, labels))]:
            (folder / name).write_bytes(gzip.compress(data, mtime=0))
        print(prefix, images.shape, labels.tolist(), int(images.sum()), int(images[0, 5].sum()))
    for line in cifar(OUT / "cifar-10-batches-py", rng):
        print(*line)
    # What keras.datasets.cifar10 makes of them: (N, 3, 32, 32) -> (N, 32, 32, 3), labels (N, 1).
    batches = [pickle.loads((OUT / "cifar-10-batches-py" / name).read_bytes(), encoding="bytes")
               for name in ["data_batch_%d" % i for i in range(1, 6)]]
    x = np.concatenate([b[b"data"] for b in batches]).reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    print("cifar x_train", x.shape, int(x.sum()), x[1, 2, 3].tolist(), int(x[:, 0, 0, 0].sum()))


if __name__ == "__main__":
    main()
