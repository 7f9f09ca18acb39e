/// `def name(parameters): body`.
public struct FunctionDefinition: Hashable, Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var parameters: [FunctionParameter]
  public var body: [Statement]
  /// `@decorator` lines above the `def`, outermost first.
  public var decorators: [Expression]
  /// Whether the body (not a nested function's) has a `yield`: calling it makes a generator.
  public var isGenerator: Bool
  /// The parameters' annotations, then the return annotation (`-> keras.layers.Layer`), in source
  /// order: Python evaluates them when the `def` runs (unless `from __future__ import
  /// annotations`), so a name they use must exist then.
  public var annotations: [Expression]

  public init(
    name: String, nameRange: SourceRange, parameters: [FunctionParameter], body: [Statement],
    decorators: [Expression] = [], isGenerator: Bool = false, annotations: [Expression] = []
  ) {
    self.annotations = annotations
    self.isGenerator = isGenerator
    self.decorators = decorators
    self.name = name
    self.nameRange = nameRange
    self.parameters = parameters
    self.body = body
  }
}

/// One parameter of a `def`: `a`, `b=1`, `*args`, `k` after `*`, `**kwargs`.
public struct FunctionParameter: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// Positional or keyword (before any `*`).
    case positional
    /// `*args`.
    case variadic
    /// After `*` or `*args`: keyword only.
    case keywordOnly
    /// `**kwargs`.
    case variadicKeywords
  }

  public var name: String
  public var kind: Kind
  public var defaultValue: Expression?
  public var range: SourceRange

  public init(name: String, kind: Kind, defaultValue: Expression?, range: SourceRange) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.range = range
  }
}
