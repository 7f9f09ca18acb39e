/// One `name` or `name as alias` of a `from module import ...` statement.
public struct ImportedName: Hashable, Sendable {
  /// The attribute or submodule imported from the module.
  public var name: String
  /// The `as` name, if any.
  public var alias: String?
  /// Just `name`.
  public var nameRange: SourceRange
  /// The clause, including `as alias`.
  public var range: SourceRange

  /// Creates a clause.
  public init(name: String, alias: String?, nameRange: SourceRange, range: SourceRange) {
    self.name = name
    self.alias = alias
    self.nameRange = nameRange
    self.range = range
  }

  /// The variable the statement binds.
  public var boundName: String { alias ?? name }
}
