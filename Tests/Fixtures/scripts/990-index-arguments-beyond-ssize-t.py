# An index argument beyond 64 bits is an OverflowError of its conversion to a C ssize_t,
# raised before the list or string is looked at.
calls = [
    lambda: [].pop(2**63),
    lambda: [1, 2].pop(-2**64),
    lambda: [1, 2].pop(2**63 - 1),
    lambda: "a,b".split(",", 2**63),
    lambda: "a b".rsplit(None, -2**63 - 1),
    lambda: "a,b,c".split(",", True),
    lambda: "a,b,c".rsplit(",", -2**63),
]
for call in calls:
    try:
        print(call())
    except (OverflowError, IndexError) as error:
        print(type(error).__name__, error)
[].pop(-2**100)
