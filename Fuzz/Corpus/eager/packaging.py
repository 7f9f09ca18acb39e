from packaging import version
print(version.parse("2.21.0") >= version.parse("2.8.0"), version.parse("1.0") == version.parse("1.0.0"))
v = version.parse("v1.02-RC3")
print(v, repr(v), v.major, v.minor, v.micro, v.release, v.is_prerelease, v.base_version, v.pre)
print(version.parse("2.0rc1") < version.parse("2.0"), version.parse("1.0.dev1") < version.parse("1.0a1"))
print(version.Version("1.0.post1") > version.parse("1.0"), version.parse("1!0.1") > version.parse("2.0"))
print(sorted([version.parse(t) for t in ["1.10", "1.9", "1.9.1", "1.0-1", "1.0+local.7"]]))
print(version.parse("2.0.0b1").pre, version.parse("1.0.post2.dev3"), version.parse("1.0+Ubuntu-1").local)

# %%
import packaging.version
try:
    packaging.version.parse("abc")
except packaging.version.InvalidVersion as error:
    print("bad:", error, isinstance(error, ValueError))

# %%
from packaging import version
version.parse("1.0") < "1.0"

# %%
from packaging import version
try:
    version.parse("1.0.0-")
except ValueError as error:
    print("bad:", error)
print(version.parse(" 2.21.0 ").public)

