/// A cell that stopped with an error before it bound some of its names: a later cell that uses one
/// of them gets Python's NameError plus a note pointing back here, so a student fixes the first
/// error rather than the follow-on one.
struct FailedCell {
  /// 0-based, in run order.
  var index: Int
  /// `ValueError: ...` of the error that stopped it.
  var headline: String

  /// The note on a follow-on error about `name`.
  func note(about name: String) -> String {
    "`\(name)` would have been defined by cell \(index + 1), which stopped earlier with \(headline)"
  }

  /// The names `statements` bind at the top level of a cell (assignments, `def`, imports, `for`
  /// targets, in every branch), in order.
  static func boundNames(_ statements: [Statement]) -> [String] {
    var names: [String] = []
    func targets(_ expression: Expression) {
      switch expression.kind {
      case .name(let name): names.append(name)
      case .tuple(let items), .list(let items): items.forEach(targets)
      case .starred(let inner): targets(inner)
      default: break
      }
    }
    func walk(_ statements: [Statement]) {
      for statement in statements {
        switch statement.kind {
        case .assignment(let assigned, _): assigned.forEach(targets)
        case .augmentedAssignment(let target, _, _): targets(target)
        case .functionDefinition(let definition): names.append(definition.name)
        case .classDefinition(let definition): names.append(definition.name)
        case .withStatement(let items, let body):
          items.compactMap(\.target).forEach(targets)
          walk(body)
        case .importModules(let modules): names += modules.map(\.boundName)
        case .importNames(_, let imported), .relativeImport(_, _, let imported):
          names += imported.map(\.boundName)
        case .forLoop(let target, _, let body, let elseBody):
          targets(target)
          walk(body)
          walk(elseBody ?? [])
        case .whileLoop(_, let body, let elseBody):
          walk(body)
          walk(elseBody ?? [])
        case .ifStatement(let branches, let elseBody):
          for branch in branches { walk(branch.body) }
          walk(elseBody ?? [])
        case .matchStatement(_, let cases):
          for matchCase in cases {
            names += matchCase.pattern.boundNames
            walk(matchCase.body)
          }
        case .tryStatement(let body, let handlers, let elseBody, let finallyBody):
          walk(body)
          for handler in handlers { walk(handler.body) }
          walk(elseBody ?? [])
          walk(finallyBody ?? [])
        default: break
        }
      }
    }
    walk(statements)
    return names
  }
}
