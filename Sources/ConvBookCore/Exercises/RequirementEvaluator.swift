import CNNEngine
import KerasCells

/// Measures a requirement of a design exercise on a model: evaluates it in the lesson's session
/// with `model` and the exercise helpers bound, and describes the result with the measured value
/// beside the bound (`params 159,978 — must be < 50,000`), by evaluating the comparison's sides.
public enum RequirementEvaluator {
  public static func evaluate(
    _ requirement: ExerciseText, parsed expression: Expression, on model: KerasModel,
    in session: KerasSession
  ) -> RequirementResult {
    var names = ExerciseHelpers.names
    names["model"] = .model(model)
    func value(_ expression: Expression) -> Result<Value, CellError> {
      do {
        return .success(try session.evaluate(expression, extraNames: names))
      } catch {
        return .failure(error)
      }
    }
    let status: RequirementResult.Status
    switch value(expression) {
    case .success(.bool(let truth)): status = truth ? .met : .unmet
    case .success(let other):
      status = .notBoolean(
        "\(InlineFormat.text(of: other)) (\(AnswerComparison.kindName(of: other)))")
    case .failure(let error): status = .failed(error.description)
    }
    let (measured, summary) = describe(expression, status: status, value: value)
    return RequirementResult(
      requirement: requirement.text, line: requirement.line, status: status, measured: measured,
      summary: summary)
  }

  /// `(measured, summary)` for the requirement's shape: a comparison, a `uses(...)` test, or any
  /// other condition.
  private static func describe(
    _ expression: Expression, status: RequirementResult.Status,
    value: (Expression) -> Result<Value, CellError>
  ) -> (String?, String) {
    switch expression.kind {
    case .comparison(let left, let links) where links.count == 1:
      let link = links[0]
      let bound: String
      switch value(link.operand) {
      case .success(let right): bound = InlineFormat.text(of: right)
      case .failure: bound = link.operand.canonicalSource
      }
      let rule = "must " + phrase(link.operation) + bound
      switch value(left) {
      case .success(let measured):
        let text = InlineFormat.text(of: measured)
        return (text, "\(label(for: left)) \(text) — \(rule)")
      case .failure(let error):
        return (nil, "\(label(for: left)): could not be measured (\(error.description)) — \(rule)")
      }
    case .unary(.not, let inner):
      if let className = usesClassName(inner) {
        let found = value(inner)
        return usesSummary(className, found: found, mustUse: false)
      }
    case .call:
      if let className = usesClassName(expression) {
        return usesSummary(className, found: value(expression), mustUse: true)
      }
    default:
      break
    }
    let source = expression.canonicalSource
    switch status {
    case .met: return ("True", "\(source) is True")
    case .unmet: return ("False", "\(source) is False — must be True")
    case .failed(let message): return (nil, "\(source): could not be measured (\(message))")
    case .notBoolean(let description):
      return (description, "\(source) gives \(description), not True or False")
    }
  }

  private static func usesSummary(
    _ className: String, found: Result<Value, CellError>, mustUse: Bool
  )
    -> (String?, String)
  {
    let rule = mustUse ? "must use \(className)" : "must not use \(className)"
    switch found {
    case .success(.bool(let uses)):
      let answer = uses ? "yes" : "no"
      return (answer, "uses \(className): \(answer) — \(rule)")
    case .success(let other):
      return (
        InlineFormat.text(of: other), "uses \(className): \(InlineFormat.text(of: other)) — \(rule)"
      )
    case .failure(let error):
      return (nil, "uses \(className): could not be measured (\(error.description)) — \(rule)")
    }
  }

  /// The class name of a `uses(model, "Name")` call, as written.
  private static func usesClassName(_ expression: Expression) -> String? {
    guard case .call(let callee, let arguments) = expression.kind, case .name("uses") = callee.kind,
      arguments.count == 2
    else { return nil }
    switch arguments[1].value.kind {
    case .string(let name): return name
    case .attribute(_, let name, _): return name
    case .name(let name): return name
    default: return nil
    }
  }

  /// What students read for the measured side: `params` rather than `model.count_params()`.
  static func label(for expression: Expression) -> String {
    let source = expression.canonicalSource
    let labels = [
      "model.count_params()": "params", "params(model)": "params", "macs(model)": "MACs",
      "len(model.layers)": "layers", "model.output_shape": "output shape",
      "model.input_shape": "input shape",
    ]
    return labels[source] ?? source
  }

  private static func phrase(_ operation: ComparisonOperator) -> String {
    switch operation {
    case .equal, .identical: return "be "
    case .notEqual, .notIdentical: return "not be "
    case .memberOf: return "be in "
    case .notMemberOf: return "not be in "
    default: return "be \(operation.symbol) "
    }
  }
}
