/// CPython's compile-time checks of a `case` pattern (`compiler_pattern_*` in `compile.c`),
/// which refuse the whole file before it runs: a name bound twice in one pattern ("multiple
/// assignments to name 'x' in pattern"), alternatives that bind different names, and a pattern
/// that matches anything (a capture or `_`) where later patterns could never be tried. Errors
/// point where CPython's compiler was (`SET_LOC`): the last pattern node it visited.
struct CasePatternCheck {
  /// One comma-separated item after `case`: `*name`, or a pattern with its `as name`.
  enum Item {
    case star(String, SourceRange)
    case pattern(Expression, asName: (String, SourceRange)?)
  }

  struct Found: Error {
    var message: String
    var range: SourceRange
  }

  private var stores: [String] = []
  private var location: SourceRange

  /// The first error of a case's pattern: `items` as written, `open` for an open sequence
  /// (`case a, *rest:`), `allowIrrefutable` when the case has a guard or is the last one.
  static func firstError(items: [Item], open: Bool, allowIrrefutable: Bool, range: SourceRange)
    -> Found?
  {
    var check = CasePatternCheck(location: range)
    do throws(Found) {
      if open || items.count != 1 {
        try check.visitSequence(items)
      } else {
        try check.visitTop(items[0], allowIrrefutable: allowIrrefutable)
      }
    } catch {
      return error
    }
    return nil
  }

  private init(location: SourceRange) { self.location = location }

  private mutating func visitTop(_ item: Item, allowIrrefutable: Bool) throws(Found) {
    switch item {
    case .star(let name, let range):
      location = range
      if name != "_" { try store(name) }
    case .pattern(let expression, let asName):
      try visit(expression, allowIrrefutable: allowIrrefutable)
      if let asName { try store(asName.0) }
    }
  }

  private mutating func visitSequence(_ items: [Item]) throws(Found) {
    for item in items { try visitTop(item, allowIrrefutable: true) }
  }

  private mutating func store(_ name: String) throws(Found) {
    guard !stores.contains(name) else {
      throw Found(message: "multiple assignments to name '\(name)' in pattern", range: location)
    }
    stores.append(name)
  }

  private static func alternatives(_ expression: Expression) -> [Expression] {
    if case .binary(.bitwiseOr, let left, let right) = expression.kind {
      return alternatives(left) + alternatives(right)
    }
    return [expression]
  }

  private mutating func visit(_ expression: Expression, allowIrrefutable: Bool) throws(Found) {
    location = expression.range
    switch expression.kind {
    case .name(let name):
      guard allowIrrefutable else {
        throw Found(
          message: name == "_"
            ? "wildcard makes remaining patterns unreachable"
            : "name capture '\(name)' makes remaining patterns unreachable",
          range: expression.range)
      }
      if name != "_" { try store(name) }
    case .binary(.bitwiseOr, _, _):
      let alternatives = Self.alternatives(expression)
      let outer = stores
      var control: [String]?
      for (index, alternative) in alternatives.enumerated() {
        location = alternative.range
        stores = []
        try visit(
          alternative, allowIrrefutable: index == alternatives.count - 1 && allowIrrefutable)
        if let control {
          guard Set(control) == Set(stores), control.count == stores.count else {
            throw Found(message: "alternative patterns bind different names", range: location)
          }
        } else {
          control = stores
        }
      }
      stores = outer
      for name in control ?? [] { try store(name) }
    case .list(let items), .tuple(let items):
      for item in items {
        if case .starred(let inner) = item.kind, case .name(let name) = inner.kind {
          location = item.range
          if name != "_" { try store(name) }
        } else {
          try visit(item, allowIrrefutable: true)
        }
      }
    case .dictionary(let entries):
      for entry in entries {
        switch entry {
        case .pair(_, let value): try visit(value, allowIrrefutable: true)
        case .unpacking(let inner):
          if case .name(let name) = inner.kind { try store(name) }
        }
      }
    case .call(_, let arguments):
      for argument in arguments { try visit(argument.value, allowIrrefutable: true) }
    default:
      // A value pattern (a literal, a dotted name): it binds nothing.
      break
    }
  }
}
