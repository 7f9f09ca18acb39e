# print(), str(), repr(), f-strings, % and str.format call only the special method CPython calls:
# str() is __str__ (or __repr__ without one), a container shows its items' __repr__.
class Trace:
    def __init__(self, label):
        self.label = label

    def __repr__(self):
        print("  (repr of", self.label + ")")
        return "Trace(" + repr(self.label) + ")"

    def __str__(self):
        return "trace " + self.label


class Broken:
    def __repr__(self):
        raise ValueError("repr is broken")

    def __str__(self):
        return "broken but printable"


class Loud:
    def __str__(self):
        print("  (str of Loud)")
        return "loud"


t = Trace("a")
print(t)
print(str(t), f"{t}", "%s" % t, "{}".format(t), "{0:}".format(t))
print([t])
print(repr(t), f"{t!r}", "%r" % t, "{!r}".format(t))
print("%s then %r" % (t, t))
print({"k": t})
b = Broken()
print(b)
print(f"value: {b}", str(b))
print("%s" % (b,))
loud = Loud()
print(loud)
message = str(loud) + "!"
print(message)
try:
    print([b])
except ValueError as error:
    print("ValueError:", error)
