/// One `module` or `module as alias` clause of an `import` statement.
public struct ImportedModule: Hashable, Sendable {
  /// The imported module path.
  public var module: DottedName
  /// The `as` name, if any.
  public var alias: String?
  /// The clause, including `as alias`.
  public var range: SourceRange

  /// Creates a clause.
  public init(module: DottedName, alias: String?, range: SourceRange) {
    self.module = module
    self.alias = alias
    self.range = range
  }

  /// The variable the statement binds. Python binds the alias to the
  /// innermost module, but without an alias it binds only the *first*
  /// component: `import tensorflow.keras` defines `tensorflow`.
  public var boundName: String { alias ?? module.components[0] }
}
