extension Expression {
  /// `keras.layers.Dense` for a name followed only by attribute accesses,
  /// else `nil`: the form in which modules, classes and functions are
  /// usually referred to, and cheap to match against a table.
  public var dottedName: String? {
    switch kind {
    case .name(let name):
      return name
    case .attribute(let base, let name, _):
      return base.dottedName.map { $0 + "." + name }
    default:
      return nil
    }
  }
}
