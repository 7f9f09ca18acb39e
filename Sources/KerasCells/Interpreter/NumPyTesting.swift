import CNNEngine
import Foundation

/// `numpy.testing`'s assertions, which guides and tests check weights and outputs with
/// (`np.testing.assert_allclose(before, after)`): `assert_allclose`, `assert_array_equal`,
/// `assert_equal`, `assert_array_almost_equal` and `assert_almost_equal` on numbers and arrays,
/// with NumPy's comparisons (NaNs in the same places are equal, infinities equal when the same,
/// a scalar against every element, other shapes must be the same). A passing assertion returns
/// None. NumPy's report for a failing one (mismatch counts, indices, largest differences, both
/// arrays) is not reproduced: a failure is ConvBook's limitation, named as such.
enum NumPyTesting {
  static let functionNames: Set<String> = [
    "assert_allclose", "assert_array_equal", "assert_equal", "assert_array_almost_equal",
    "assert_almost_equal",
  ]

  /// `numpy.testing.NAME`, for `np.testing.NAME` and `from numpy.testing import NAME`.
  static func attribute(_ name: String) -> Value? {
    guard functionNames.contains(name) else { return nil }
    let path = "numpy.testing." + name
    return .function(Callable(.builtin(path), path: path))
  }

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let message: (String, Value?) = ("err_msg", .string(""))
    let verbose: (String, Value?) = ("verbose", .bool(true))
    let strictParameter: [(String, Value)] = [("strict", .bool(false))]
    let values: [String: Value]
    let comparison: Comparison
    switch name {
    case "assert_allclose":
      values = try arguments.bind(
        [
          ("actual", nil), ("desired", nil), ("rtol", .float(1e-7)), ("atol", .int(0)),
          ("equal_nan", .bool(true)), message, verbose,
        ], keywordOnly: strictParameter
      ).values
      comparison = .close(
        relative: try NumPyArrayFunctions.number(values["rtol"] ?? .int(0), range: range),
        absolute: try NumPyArrayFunctions.number(values["atol"] ?? .int(0), range: range),
        equalNaN: values["equal_nan"]?.isTruthy ?? true)
    case "assert_array_equal", "assert_equal":
      values = try arguments.bind(
        [("actual", nil), ("desired", nil), message, verbose], keywordOnly: strictParameter
      ).values
      comparison = .equal
    default:
      values = try arguments.bind(
        [
          ("actual", nil), ("desired", nil),
          ("decimal", .int(name == "assert_almost_equal" ? 7 : 6)), message, verbose,
        ]
      ).values
      let decimal = try arguments.integer(values["decimal"] ?? .int(6), "decimal")
      comparison = .almost(tolerance: 1.5 * pow(10, -Double(decimal)))
    }
    let actual = values["actual"] ?? .none
    let desired = values["desired"] ?? .none
    let strict = values["strict"]?.isTruthy ?? false
    if name == "assert_equal", case .string(let a) = actual, case .string(let b) = desired {
      guard a == b else { throw failure(name, range: range) }
      return .none
    }
    let budget = interpreter.budget
    let a = try ArrayOperations.array(from: actual, dtype: nil, range: range, budget: budget)
    let b = try ArrayOperations.array(from: desired, dtype: nil, range: range, budget: budget)
    let sameShape = a.shape == b.shape
    guard sameShape || !strict && (a.rank == 0 || b.rank == 0),
      !strict || a.dtype == b.dtype
    else { throw failure(name, range: range) }
    let count = max(a.count, b.count)
    for index in 0..<count {
      if index & 0xFFF == 0 { try budget.tick(at: range) }
      let x = a.value(at: a.count == 1 ? 0 : index)
      let y = b.value(at: b.count == 1 ? 0 : index)
      guard comparison.holds(x, y) else { throw failure(name, range: range) }
    }
    return .none
  }

  private enum Comparison {
    case equal
    case close(relative: Double, absolute: Double, equalNaN: Bool)
    case almost(tolerance: Double)

    /// Whether `actual` passes against `desired`.
    func holds(_ actual: Double, _ desired: Double) -> Bool {
      if actual.isNaN || desired.isNaN {
        if case .close(_, _, let equalNaN) = self, !equalNaN { return false }
        return actual.isNaN && desired.isNaN
      }
      if actual.isInfinite || desired.isInfinite { return actual == desired }
      switch self {
      case .equal: return actual == desired
      case .close(let relative, let absolute, _):
        return (actual - desired).magnitude <= absolute + relative * desired.magnitude
      case .almost(let tolerance): return (desired - actual).magnitude < tolerance
      }
    }
  }

  private static func failure(_ name: String, range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook does not support the report of a failing `numpy.testing.\(name)` yet (NumPy raises AssertionError: the values differ)",
      at: range)
  }
}
