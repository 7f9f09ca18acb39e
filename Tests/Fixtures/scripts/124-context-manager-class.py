"""A context manager written as a class: __enter__ / __exit__, an exception it swallows and one it
lets through."""


class Section:
    depth = 0

    def __init__(self, title, swallow=()):
        self.title = title
        self.swallow = swallow

    def __enter__(self):
        Section.depth += 1
        print("  " * (Section.depth - 1) + "begin " + self.title)
        return self

    def __exit__(self, kind, value, traceback):
        Section.depth -= 1
        print("  " * Section.depth + "end " + self.title, kind.__name__ if kind else None)
        return kind is not None and kind in self.swallow


with Section("outer") as outer, Section("inner"):
    print("inside", outer.title, Section.depth)
with Section("safe", swallow=(KeyError,)):
    {}["missing"]
print("after safe")
with Section("unsafe", swallow=(KeyError,)):
    [][3]
print("not reached")
