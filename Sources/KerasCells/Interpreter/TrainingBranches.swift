import CNNEngine
import Foundation

/// Custom layers whose `call` takes `training` and branches on it (`if training:` around
/// `tf.random.normal` noise, `x if training else y`): Keras' `fit` runs `call` with
/// `training=True`, so the training branch is what trains. ConvBook traced `call` once, when the
/// layer was first called on Keras tensors (`training` None there), and trains that graph: `fit`
/// of a model holding such a layer refuses to print its progress, and what it trains is marked as
/// not Keras' (`OwnDraws`), so printing its weights or predictions later is refused too.
enum TrainingBranches {
  /// `fit`'s refusal to print its progress for a model holding the layer `name`.
  static func refusal(_ name: String, site: CallSite) -> CellError {
    .unsupported(
      "ConvBook does not support fit of a model whose custom layer \(name) branches on `training` in call() yet (ConvBook traced call() once with training=None; Keras' fit runs its training branch)",
      at: site.range)
  }

  /// The class name of the first custom layer inside `model` (nested models included) whose
  /// `call` branches on its `training` parameter, or nil.
  static func branching(in model: KerasModel, session: KerasSession, depth: Int = 0)
    -> String?
  {
    guard depth < 32 else { return nil }
    for instance in model.layers {
      if let object = session.customLayers[ObjectIdentifier(instance)], branches(object.type) {
        return object.type.name
      }
      if let nested = instance.model,
        let name = branching(in: nested, session: session, depth: depth + 1)
      {
        return name
      }
    }
    return nil
  }

  /// Whether the class' `call` has a `training` parameter that a condition of its body reads.
  private static func branches(_ type: PythonClass) -> Bool {
    guard let (member, _) = type.lookup("call"), case .function(let callable) = member,
      let function = callable.userFunction,
      function.parameters.contains(where: { $0.name == "training" }),
      case .statements(let body) = function.body
    else { return false }
    return body.contains(where: readsTraining)
  }

  /// Whether a statement (or one nested in it) tests `training`: an `if`/`elif`/`while`
  /// condition, or a conditional expression (`a if training else b`).
  private static func readsTraining(_ statement: Statement) -> Bool {
    switch statement.kind {
    case .ifStatement(let branches, let elseBody):
      return branches.contains { mentions($0.condition) || $0.body.contains(where: readsTraining) }
        || (elseBody ?? []).contains(where: readsTraining)
    case .whileLoop(let condition, let body, let elseBody):
      return mentions(condition) || (body + (elseBody ?? [])).contains(where: readsTraining)
    case .forLoop(_, _, let body, let elseBody):
      return (body + (elseBody ?? [])).contains(where: readsTraining)
    case .tryStatement(let body, let handlers, let elseBody, let finallyBody):
      return (body + handlers.flatMap(\.body) + (elseBody ?? []) + (finallyBody ?? []))
        .contains(where: readsTraining)
    case .withStatement(_, let body):
      return body.contains(where: readsTraining)
    case .expression(let value), .assignment(_, let value), .returnStatement(let value?):
      return conditionalReads(value)
    default:
      return false
    }
  }

  /// Whether an expression holds `... if <condition naming training> else ...`.
  private static func conditionalReads(_ expression: Expression) -> Bool {
    let source = expression.canonicalSource
    guard source.contains(" if "), source.contains(" else ") else { return false }
    return source.range(of: #"\bif\b[^:]*\btraining\b[^:]*\belse\b"#, options: .regularExpression)
      != nil
  }

  /// Whether a condition names `training`.
  private static func mentions(_ condition: Expression) -> Bool {
    condition.canonicalSource.range(of: #"\btraining\b"#, options: .regularExpression) != nil
  }
}
