/// A pattern of a `case` clause (PEP 634), in the forms ConvBook runs.
public indirect enum MatchPattern: Hashable, Sendable {
  /// `_`: matches anything, binds nothing.
  case wildcard
  /// `name`: matches anything and binds it.
  case capture(String)
  /// A literal (`"lstm"`, `-1`, `None`) or a dotted name (`Color.RED`): matches what `==`
  /// says equal (`is` for `None`, `True`, `False`).
  case value(Expression)
  /// `p1 | p2 | ...`: the first alternative that matches.
  case alternatives([MatchPattern])
  /// `pattern as name`.
  case binding(MatchPattern, name: String)
  /// `[a, b, *rest]` or `(a, b)`: a sequence (not a str, bytes or mapping) of that length;
  /// `star` is the index of the starred item, whose name (nil for `*_`) gets the rest as a list.
  case sequence([MatchPattern], star: Int?, starName: String?)
  /// `{"key": pattern, **rest}`: a mapping with those keys.
  case mapping(keys: [Expression], values: [MatchPattern], rest: String?)
  /// `Class(p1, name=p2)`: an instance of the class whose positional sub-patterns match the
  /// attributes `__match_args__` names (the subject itself for `int(x)`, `str(x)`, ...).
  case classPattern(
    Expression, positional: [MatchPattern], keywords: [String], keywordPatterns: [MatchPattern])
}

extension MatchPattern {
  /// The expressions the pattern evaluates (values, classes, mapping keys).
  public var expressions: [Expression] {
    switch self {
    case .wildcard, .capture: return []
    case .value(let expression): return [expression]
    case .alternatives(let patterns): return patterns.flatMap(\.expressions)
    case .binding(let pattern, _): return pattern.expressions
    case .sequence(let patterns, _, _): return patterns.flatMap(\.expressions)
    case .mapping(let keys, let values, _): return keys + values.flatMap(\.expressions)
    case .classPattern(let callee, let positional, _, let keywordPatterns):
      return [callee] + (positional + keywordPatterns).flatMap(\.expressions)
    }
  }

  /// The names the pattern binds, in order.
  public var boundNames: [String] {
    switch self {
    case .wildcard, .value: return []
    case .capture(let name): return [name]
    case .alternatives(let patterns): return patterns.first?.boundNames ?? []
    case .binding(let pattern, let name): return pattern.boundNames + [name]
    case .sequence(let patterns, let star, let starName):
      var names = patterns.flatMap(\.boundNames)
      if star != nil, let starName { names.append(starName) }
      return names
    case .mapping(_, let values, let rest):
      return values.flatMap(\.boundNames) + (rest.map { [$0] } ?? [])
    case .classPattern(_, let positional, _, let keywordPatterns):
      return (positional + keywordPatterns).flatMap(\.boundNames)
    }
  }
}
