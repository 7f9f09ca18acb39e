# re's repetition bounds: {m,n} past sre's MAXREPEAT (2**32 - 1) is OverflowError, not a literal.
import re

for pattern in (r"a{4294967294}", r"a{4294967295}", r"a{1,4294967295}", r"a{99999999999999999999}", r"a{3,2}", r"a{,5}b"):
    try:
        compiled = re.compile(pattern)
        print(pattern, "ok", bool(compiled.match("aaab")))
    except OverflowError as error:
        print(pattern, "OverflowError:", error)
    except re.error as error:
        print(pattern, "re.error:", error)
