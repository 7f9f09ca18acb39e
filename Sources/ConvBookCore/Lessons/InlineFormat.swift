import CNNEngine
import KerasCells

/// How a computed value reads inside prose: integers with thousands separators (`11,574,090`),
/// shapes as Python tuples, floats with a few significant digits.
public enum InlineFormat {
  /// The value of an inline `{keras}` expression: the cell language plus the exercise helpers
  /// (`macs(model)`, `params(model)`, `uses(model, "Flatten")`), so prose can quote any number a
  /// figure shows; cells never see the helpers.
  public static func evaluate(_ expression: String, in session: KerasSession) throws(CellError)
    -> Value
  {
    try session.evaluate(
      KerasSession.parseExpression(expression), extraNames: ExerciseHelpers.names)
  }

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
