import Testing

@testable import KerasCells

/// `enum.auto()` values as Python 3.11 makes them: 1 first then one more than the last in an
/// Enum or IntEnum, the lower-case name in a StrEnum; other orders stay refused.
struct EnumAutoTests {
  @Test func autoValuesFollowPython() {
    let (printed, error) = CellRunner().run(
      """
      import enum
      from enum import Enum, IntEnum, StrEnum, auto
      class Arch(enum.Enum):
          SMALL = auto()
          LARGE = enum.auto()
      class Level(IntEnum):
          LOW = 5
          HIGH = auto()
      class Mode(StrEnum):
          TRAIN = auto()
          EVAL = auto()
      print(Arch.SMALL.value, Arch.LARGE, Level.HIGH.value, Mode.EVAL, Mode.TRAIN.value, Mode("eval"))
      """)
    #expect(error == nil)
    #expect(printed == "1 Arch.LARGE 6 eval train eval\n")
    let (_, refused) = CellRunner().run(
      "from enum import Enum, auto\nclass A(Enum):\n    X = 'x'\n    Y = auto()")
    #expect(refused != nil && refused?.type == nil)
  }
}
