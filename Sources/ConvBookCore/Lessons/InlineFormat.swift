import CNNEngine
import KerasCells

/// How a computed value reads inside prose: integers with thousands separators (`11,574,090`),
/// shapes as Python tuples, floats with a few significant digits.
public enum InlineFormat {
  public static func text(of value: Value) -> String {
    switch value {
    case .int(let number): return PythonFormat.grouped(number)
    case .float(let number):
      if number == number.rounded() && abs(number) < 1e15 {
        return PythonFormat.grouped(Int(number))
      }
      let magnitude = abs(number)
      let digits = magnitude >= 100 ? 1 : (magnitude >= 1 ? 2 : 4)
      return KerasCells.PythonValueText.fixed(number, digits: digits)
    case .string(let text): return text
    default: return KerasCells.PythonValueText.repr(value)
    }
  }
}
