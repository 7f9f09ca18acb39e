import KerasCells

/// Compares a student's value with the answer key, kind by kind: numbers by value (floats within a
/// relative tolerance), shapes dimension by dimension (a tuple and a list with the same entries
/// are the same shape), text exactly.
public enum AnswerComparison {
  public static func compare(
    expected: Value, given: Value, tolerance: Double = Exercise.defaultTolerance
  )
    -> AnswerVerdict
  {
    switch expected {
    case .int, .float:
      guard let givenNumber = number(given) else {
        return .incorrect(reason: kindMismatch(expected: expected, given: given))
      }
      let expectedNumber = number(expected) ?? 0
      if case .int(let exact) = expected {
        if case .int(let value) = given {
          return value == exact ? .correct : .incorrect(reason: nil)
        }
        if givenNumber != givenNumber.rounded() {
          return .incorrect(reason: "The answer is a whole number.")
        }
        return givenNumber == Double(exact) ? .correct : .incorrect(reason: nil)
      }
      // Relative to the answer, except around zero where only an absolute margin makes sense.
      let allowed = expectedNumber == 0 ? tolerance : tolerance * abs(expectedNumber)
      return abs(givenNumber - expectedNumber) <= allowed ? .correct : .incorrect(reason: nil)
    case .tuple(let expectedItems), .list(let expectedItems):
      guard case let givenItems? = sequence(given) else {
        return .incorrect(reason: kindMismatch(expected: expected, given: given))
      }
      return compareSequences(expectedItems, givenItems, tolerance: tolerance)
    case .string(let text):
      guard case .string(let givenText) = given else {
        // `7` typed for the text "7" is the same answer.
        if !text.isEmpty, PythonValueText.str(given) == text { return .correct }
        return .incorrect(reason: kindMismatch(expected: expected, given: given))
      }
      if givenText == text { return .correct }
      if givenText.lowercased() == text.lowercased() {
        return .incorrect(
          reason: "Almost: names are case-sensitive in Keras; check the capital letters.")
      }
      return .incorrect(reason: nil)
    case .bool(let truth):
      if case .bool(let givenTruth) = given {
        return givenTruth == truth ? .correct : .incorrect(reason: nil)
      }
      if case .string(let word) = given,
        let givenTruth = ["yes": true, "no": false][word.lowercased()]
      {
        return givenTruth == truth ? .correct : .incorrect(reason: nil)
      }
      return .incorrect(reason: kindMismatch(expected: expected, given: given))
    case .none:
      if case .none = given { return .correct }
      return .incorrect(reason: nil)
    default:
      return PythonValueText.repr(expected) == PythonValueText.repr(given)
        ? .correct : .incorrect(reason: nil)
    }
  }

  /// What kind of answer a value is, as the feedback names it.
  public static func kindName(of value: Value) -> String {
    switch value {
    case .int, .float: return "a number"
    case .tuple(let items), .list(let items): return isShape(items) ? "a shape" : "a tuple"
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

  private static func compareSequences(_ expected: [Value], _ given: [Value], tolerance: Double)
    -> AnswerVerdict
  {
    if given.count != expected.count {
      if isShape(expected), isShape(given), given.count + 1 == expected.count,
        case .none? = expected.first,
        given.first.map({ if case .none = $0 { false } else { true } }) ?? true
      {
        return .incorrect(
          reason:
            "Keras shapes start with the batch dimension, None: write (None, …) followed by the other dimensions."
        )
      }
      let noun = isShape(expected) ? "dimension" : "item"
      return .incorrect(
        reason:
          "Your answer has \(given.count) \(noun)\(given.count == 1 ? "" : "s"), but the answer has \(expected.count)."
      )
    }
    var wrong: [Int] = []
    for (index, (expectedItem, givenItem)) in zip(expected, given).enumerated()
    where !compare(expected: expectedItem, given: givenItem, tolerance: tolerance).isCorrect {
      wrong.append(index + 1)
    }
    if wrong.isEmpty { return .correct }
    guard isShape(expected) else { return .incorrect(reason: nil) }
    let ordinals = wrong.map(ordinal)
    let list =
      ordinals.count == 1
      ? ordinals[0] : ordinals.dropLast().joined(separator: ", ") + " and " + ordinals.last!
    return .incorrect(
      reason:
        "The \(list) dimension\(wrong.count == 1 ? " is" : "s are") not right (the batch dimension, None, is the 1st)."
    )
  }

  private static func kindMismatch(expected: Value, given: Value) -> String {
    switch expected {
    case .int, .float:
      return "This exercise asks for a number; write it with digits, e.g. 1234, 1,234 or 1_234."
    case .tuple(let items), .list(let items):
      if isShape(items) {
        return
          "This exercise asks for a shape, written as a Python tuple in quotes, e.g. '(None, 28, 28, 1)'."
      }
      return "This exercise asks for a tuple, e.g. '(1, 2)'."
    case .string:
      return "This exercise asks for a name or other text, not \(kindName(of: given))."
    case .bool:
      return "This exercise asks for True or False."
    default:
      return "This exercise asks for \(kindName(of: expected)), not \(kindName(of: given))."
    }
  }

  private static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .float(let number): return number
    default: return nil
    }
  }

  private static func sequence(_ value: Value) -> [Value]? {
    switch value {
    case .tuple(let items), .list(let items): return items
    default: return nil
    }
  }

  private static func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }
}
