from s1173_parts import cycle_b

BASE = 1


def total():
    return BASE + cycle_b.OTHER + cycle_b.from_a()
