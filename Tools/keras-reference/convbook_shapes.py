# ConvBook's procedural "shapes" data set in plain Python and NumPy: the same images, byte for
# byte, as `convbook.datasets.shapes.load_data()` in ConvBook cells (SplitMix64 streams named as
# ConvBook names them). Exported notebooks carry this code so that they run in real Keras; in
# ConvBook itself the import succeeds and this code is not run.
try:
    from convbook.datasets import shapes
except ImportError:
    import types

    import numpy as np

    def _shapes_stream(seed, name):
        mask = (1 << 64) - 1
        h = 0xCBF29CE484222325
        for byte in name.encode():
            h = ((h ^ byte) * 0x100000001B3) & mask

        def splitmix(state):
            state = (state + 0x9E3779B97F4A7C15) & mask
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
            return state, z ^ (z >> 31)

        _, state = splitmix((seed ^ h) & mask)

        def next_number():
            nonlocal state
            state, value = splitmix(state)
            return value

        return next_number

    def _shapes_generate(count, size, seed, stream, centred):
        next_number = _shapes_stream(seed, "shapes/" + stream)

        def draw(bound):
            return 0 if bound <= 1 else next_number() % bound

        images = np.zeros((count, size, size), dtype=np.uint8)
        labels = np.zeros(count, dtype=np.uint8)
        smallest = max(3, size // 4)
        largest = max(smallest, size // 2)
        for n in range(count):
            label = draw(4)
            labels[n] = label
            image = images[n]
            for p in range(size * size):
                image[p // size, p % size] = draw(40)
            side = smallest + draw(largest - smallest + 1)
            if side % 2 == 0:
                side -= 1
            side = max(3, min(side, size))
            if centred:
                middle = (size - side) // 2
                top = max(0, min(size - side, middle + draw(3) - 1))
                left = max(0, min(size - side, middle + draw(3) - 1))
            else:
                top = draw(size - side + 1)
                left = draw(size - side + 1)
            brightness = 160 + draw(96)
            half = side // 2
            for row in range(side):
                for column in range(side):
                    dy, dx = row - half, column - half
                    if label == 0:
                        inside = row == 0 or column == 0 or row == side - 1 or column == side - 1
                    elif label == 1:
                        inside = dy * dy + dx * dx <= half * half
                    elif label == 2:
                        inside = abs(dy) <= side // 8 or abs(dx) <= side // 8
                    else:
                        inside = abs(abs(dy) - abs(dx)) <= side // 8
                    if inside:
                        image[top + row, left + column] = brightness
        return images, labels

    def _shapes_load_data(n_train=2000, n_test=500, size=28, seed=0, centred=True):
        """Generated images of an empty square, a disc, a cross or an X (labels 0-3); not real data."""
        return (
            _shapes_generate(n_train, size, seed, "train", centred),
            _shapes_generate(n_test, size, seed, "test", centred),
        )

    shapes = types.SimpleNamespace(
        class_names=["square", "disc", "cross", "x"], load_data=_shapes_load_data
    )
