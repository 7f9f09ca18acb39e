import ConvBookCore
import KerasCells
import Testing

/// Reading what students type and comparing it with the key, kind by kind.
@Suite struct AnswerComparisonTests {
  static func verdict(
    _ expected: String, _ typed: String, tolerance: Double = Exercise.defaultTolerance
  ) throws
    -> AnswerVerdict
  {
    let key = try KerasSession(kerasVersion: .keras2).evaluate(expected)
    return AnswerComparison.compare(
      expected: key, given: StudentAnswer(typed).value, tolerance: tolerance)
  }

  @Test(arguments: [
    "11574090", "11,574,090", "11_574_090", "11 574 090", " 11574090 ", "11574090.0",
  ])
  func numbersWithOrWithoutSeparators(typed: String) throws {
    #expect(try Self.verdict("11574090", typed) == .correct)
  }

  @Test func aWrongNumberIsJustWrong() throws {
    #expect(try Self.verdict("11574090", "11,574,000") == .incorrect(reason: nil))
    #expect(try Self.verdict("192", "192.5") == .incorrect(reason: "The answer is a whole number."))
  }

  @Test(arguments: [
    "(None, 53, 53, 64)", "None, 53, 53, 64", "[None, 53, 53, 64]", "(None,53,53,64)",
  ])
  func shapesAsPythonTuples(typed: String) throws {
    #expect(try Self.verdict("(None, 53, 53, 64)", typed) == .correct)
  }

  @Test func aShapeWithoutItsBatchDimensionIsExplained() throws {
    guard case .incorrect(let reason?) = try Self.verdict("(None, 53, 53, 64)", "(53, 53, 64)")
    else {
      Issue.record("expected a reason")
      return
    }
    #expect(reason.contains("batch dimension, None"))
  }

  @Test func wrongDimensionsAreNamedWithoutTheAnswer() throws {
    let verdict = try Self.verdict("(None, 53, 53, 64)", "(None, 54, 54, 64)")
    #expect(
      verdict
        == .incorrect(
          reason:
            "The 2nd and 3rd dimensions are not right (the batch dimension, None, is the 1st)."))
    guard case .incorrect(let reason?) = try Self.verdict("(None, 10)", "(None, 10, 3)") else {
      Issue.record("expected a reason")
      return
    }
    #expect(reason.contains("3 dimensions"))
  }

  @Test func aNumberWhereAShapeIsAskedIsExplained() throws {
    guard case .incorrect(let reason?) = try Self.verdict("(None, 10)", "10") else {
      Issue.record("expected a reason")
      return
    }
    #expect(reason.contains("asks for a shape"))
    guard case .incorrect(let other?) = try Self.verdict("618", "flatten") else {
      Issue.record("expected a reason")
      return
    }
    #expect(other.contains("asks for a number"))
  }

  @Test func textWithOrWithoutQuotes() throws {
    #expect(try Self.verdict("'dense_1'", "dense_1") == .correct)
    #expect(try Self.verdict("'dense_1'", "\"dense_1\"") == .correct)
    #expect(try Self.verdict("'dense_1'", "dense") == .incorrect(reason: nil))
    guard case .incorrect(let reason?) = try Self.verdict("'dense_1'", "Dense_1") else {
      Issue.record("expected a reason")
      return
    }
    #expect(reason.contains("case-sensitive"))
  }

  @Test func floatsWithinTheTolerance() throws {
    #expect(try Self.verdict("231562 / 618", "374.7") == .correct)
    #expect(try Self.verdict("231562 / 618", "374") == .correct)
    #expect(try Self.verdict("231562 / 618", "380") == .incorrect(reason: nil))
    #expect(try Self.verdict("231562 / 618", "374", tolerance: 0.0001) == .incorrect(reason: nil))
    #expect(try Self.verdict("0.0", "0.001") == .correct)
  }

  @Test func truthValues() throws {
    #expect(try Self.verdict("True", "True") == .correct)
    #expect(try Self.verdict("True", "yes") == .correct)
    #expect(try Self.verdict("False", "True") == .incorrect(reason: nil))
  }
}
