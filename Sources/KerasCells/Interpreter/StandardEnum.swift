/// `enum`: `Enum`, `IntEnum` and `StrEnum` as bases of a script's classes (`class Mode(IntEnum):
/// CONV = 1`), which configs use to name model variants. The class body's plain values become
/// the members (`PythonInstance`s of the class holding `name` and `value`; a repeated value is an
/// alias of the first member), in CPython 3.11's texts (`Mode.CONV`, `<Mode.CONV: 1>`, an
/// `IntEnum`'s str its value's); the class looks members up by value (`Mode(1)`) and by name
/// (`Mode["CONV"]`), iterates and has a length; an `IntEnum` or `StrEnum` member computes as its
/// value. `auto()`, `Flag` and the rest of the module are ConvBook's limitation.
enum StandardEnum {
  enum Kind: String {
    case plain = "Enum"
    case integer = "IntEnum"
    case string = "StrEnum"
  }

  static func attribute(_ name: String) -> Value? {
    switch name {
    case "Enum": return .standard(EnumBaseClass(.plain))
    case "IntEnum": return .standard(EnumBaseClass(.integer))
    case "StrEnum": return .standard(EnumBaseClass(.string))
    case "unique", "auto": return StandardLibrary.function("enum", name)
    default: return nil
    }
  }

  /// `@unique`: the class itself (ConvBook's members hold distinct values or are aliases, which
  /// `unique` would refuse, so a class with aliases is refused here).
  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    if name == "auto" {
      try arguments.bind([])
      return .standard(EnumAuto())
    }
    guard name == "unique" else { return nil }
    let given = try arguments.bind([("enumeration", nil)]).values["enumeration"] ?? .none
    if case .function(let callable) = given, case .userClass(let type) = callable.kind,
      type.enumKind != nil, type.enumMembers.count != type.enumNames.count
    {
      throw .unsupported(
        "ConvBook does not support `enum.unique` of an enumeration with aliases yet",
        at: arguments.range)
    }
    return given
  }

  /// Turns the plain values of an enumeration's body into its members, in the order they were
  /// bound.
  static func makeMembers(of type: PythonClass, kind: Kind, range: SourceRange)
    throws(CellError)
  {
    for name in type.namespaceOrder where !name.hasPrefix("_") {
      guard var value = type.namespace[name] else { continue }
      if case .standard(is EnumAuto) = value {
        value = try autoValue(name, kind: kind, of: type, range: range)
      }
      // Functions and descriptors (methods, properties) stay the class' own; any other value,
      // a class included, is a member.
      if case .function(let callable) = value {
        switch callable.kind {
        case .user, .descriptor: continue
        default: break
        }
      }
      if let existing = type.enumMembers.first(where: {
        Operators.equal($0.attributes["value"] ?? .none, value)
      }) {
        type.namespace[name] = .instance(existing)
        type.enumNames.append(name)
        continue
      }
      switch (kind, value) {
      case (.integer, .int), (.integer, .bool), (.string, .string), (.plain, _): break
      default:
        throw .unsupported(
          "ConvBook does not support a \(kind.rawValue) member of type \(value.typeName) yet",
          at: range)
      }
      let member = PythonInstance(type: type)
      for (attribute, item) in [
        ("_name_", Value.string(name)), ("_value_", value), ("name", .string(name)),
        ("value", value),
      ] {
        member.attributes[attribute] = item
        member.attributeOrder.append(attribute)
      }
      member.shownRepr = "<\(type.name).\(name): \(PythonText.repr(value))>"
      member.shownStr = kind == .plain ? "\(type.name).\(name)" : PythonText.str(value)
      type.namespace[name] = .instance(member)
      type.enumMembers.append(member)
      type.enumNames.append(name)
    }
  }

  /// `auto()`'s value, as `_generate_next_value_` of Python 3.11 makes it: the member's name in
  /// lower case in a StrEnum, else one more than the last value (1 first) while the values so far
  /// are ascending integers (Python's other cases are refused).
  private static func autoValue(
    _ name: String, kind: Kind, of type: PythonClass, range: SourceRange
  )
    throws(CellError) -> Value
  {
    if kind == .string { return .string(name.lowercased()) }
    var values: [Int] = []
    for member in type.enumMembers {
      guard case .int(let number)? = member.attributes["value"] else {
        throw .unsupported(
          "ConvBook does not support enum.auto() after a member whose value is not an int yet",
          at: range)
      }
      values.append(number)
    }
    guard let last = values.last else { return .int(1) }
    guard last == values.max(), last < Int.max else {
      throw .unsupported(
        "ConvBook does not support enum.auto() after a member with a lower value than an earlier one yet",
        at: range)
    }
    return .int(last + 1)
  }

  /// `Mode(1)`: the member of that value (a member given is itself).
  static func member(
    of type: PythonClass, positional: [Value], keywords: [(String, Value)], range: SourceRange
  ) throws(CellError) -> Value {
    guard positional.count == 1, keywords.isEmpty else {
      throw .unsupported(
        "ConvBook looks an enumeration's member up by one value only (`\(type.name)(value)`)",
        at: range)
    }
    let given = positional[0]
    if case .instance(let instance) = given, instance.type === type { return given }
    if let member = type.enumMembers.first(where: {
      Operators.equal($0.attributes["value"] ?? .none, given)
    }) {
      return .instance(member)
    }
    throw CellError(
      type: "ValueError", message: "\(PythonText.repr(given)) is not a valid \(type.qualifiedName)",
      range: range)
  }

  /// `Mode["CONV"]`: the member of that name (an alias's too).
  static func member(of type: PythonClass, named key: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    guard case .string(let name) = key, type.enumNames.contains(name),
      let member = type.namespace[name]
    else {
      throw CellError(type: "KeyError", message: PythonText.repr(key), range: range)
    }
    return member
  }

  /// Whether a member of an enumeration is an instance of one of `wanted`'s classes beyond the
  /// script's own: `Enum`, its own kind of base, and the type an `IntEnum` / `StrEnum` mixes in.
  static func isInstance(_ instance: PythonInstance, of wanted: Value) -> Bool {
    guard let kind = instance.type.enumKind else { return false }
    switch wanted {
    case .tuple(let items): return items.contains { isInstance(instance, of: $0) }
    case .standard(let base as EnumBaseClass): return base.kind == .plain || base.kind == kind
    case .function(let callable):
      guard case .builtin(let name) = callable.kind else { return false }
      return (kind == .integer && name == "int") || (kind == .string && name == "str")
    default: return false
    }
  }

  /// The value an `IntEnum` or `StrEnum` member computes as, or nil for other values.
  static func mixedInValue(_ value: Value) -> Value? {
    guard case .instance(let instance) = value, let kind = instance.type.enumKind,
      kind != .plain
    else { return nil }
    return instance.attributes["_value_"]
  }
}

/// `enum.Enum`, `IntEnum` or `StrEnum`: a base for a script's enumerations.
final class EnumBaseClass: StandardObject {
  let kind: StandardEnum.Kind

  init(_ kind: StandardEnum.Kind) { self.kind = kind }

  override var typeName: String { "EnumType" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<enum '\(kind.rawValue)'>" }
}

/// `enum.auto()` in an enumeration's body: the member's value is made when the class is
/// (`StandardEnum.makeMembers`).
final class EnumAuto: StandardObject {
  override var typeName: String { "auto" }
  override func repr(_ item: (Value) -> String) -> String { "<enum.auto object>" }
}
