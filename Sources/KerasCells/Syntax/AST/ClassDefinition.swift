/// `class Name(bases, keyword=value): body`, with the decorators written above it.
public struct ClassDefinition: Hashable, Sendable {
  public var name: String
  public var nameRange: SourceRange
  /// What is written between the parentheses: base classes, and keywords such as `metaclass=`.
  public var arguments: [Argument]
  public var body: [Statement]
  /// `@decorator` lines above the class, outermost first.
  public var decorators: [Expression]
  /// The names the body annotates (`x: int` or `x: int = 0`, not `ClassVar`s), in order: the
  /// fields of a `@dataclass`.
  public var annotations: [String]

  public init(
    name: String, nameRange: SourceRange, arguments: [Argument], body: [Statement],
    decorators: [Expression], annotations: [String] = []
  ) {
    self.annotations = annotations
    self.name = name
    self.nameRange = nameRange
    self.arguments = arguments
    self.body = body
    self.decorators = decorators
  }
}

/// One item of a `with` statement: `context` or `context as target`.
public struct WithItem: Hashable, Sendable {
  public var context: Expression
  /// A name, attribute, subscript or a tuple/list of targets.
  public var target: Expression?

  public init(context: Expression, target: Expression?) {
    self.context = context
    self.target = target
  }
}
