import s1173_parts.cycle_a

OTHER = 40


def from_a():
    return s1173_parts.cycle_a.BASE
