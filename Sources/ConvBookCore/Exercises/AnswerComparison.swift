import KerasCells

/// Compares a student's value with an answer, kind by kind: numbers by value (floats within a
/// relative tolerance, to the resolution of ``SealedAnswer``'s grid), shapes dimension by
/// dimension (a tuple and a list with the same entries are the same shape), text with its
/// whitespace collapsed. The comparison itself is ``SealedAnswer/compare(_:salt:)``: the
/// instructor's key is sealed first, so that the student file, whose key is sealed, gives the same
/// verdicts.
public enum AnswerComparison {
  public static func compare(
    expected: Value, given: Value, tolerance: Double = Exercise.defaultTolerance
  )
    -> AnswerVerdict
  {
    let salt = SealedAnswer.salt(forExercise: "")
    return SealedAnswer.seal(expected, tolerance: tolerance, salt: salt).compare(given, salt: salt)
  }

  /// What kind of answer a value is, as the feedback names it.
  public static func kindName(of value: Value) -> String {
    switch value {
    case .int, .float: return "a number"
    case .tuple, .list: return isShape(value.sequenceItems!) ? "a shape" : "a tuple"
    case .string: return "text"
    case .bool: return "True or False"
    case .none: return "None"
    default: return "a \(value.typeName)"
    }
  }

  static func isShape(_ items: [Value]) -> Bool {
    items.allSatisfy {
      switch $0 {
      case .int, .none: return true
      default: return false
      }
    }
  }
}
