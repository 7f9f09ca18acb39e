/// Python's `collections.abc`, for the type checks of typed configuration code
/// (`isinstance(num_units, Sequence)`): each abstract class is a class value, and `isinstance`
/// answers for the built-in values whose registrations CPython 3.11 fixes (a list is a
/// `MutableSequence`, a str a `Sequence`, a dict a `MutableMapping`, an ndarray a `Collection` but
/// no `Sequence`, a number only `Hashable`, ...). Any other value, and `issubclass`, are
/// ConvBook's limitation: an object's answer depends on the methods its class defines.
enum StandardCollectionsABC {
  /// The module's public names (CPython 3.11.7's `collections.abc`).
  static let names: Set<String> = [
    "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "ByteString", "Callable",
    "Collection", "Container", "Coroutine", "Generator", "Hashable", "ItemsView", "Iterable",
    "Iterator", "KeysView", "Mapping", "MappingView", "MutableMapping", "MutableSequence",
    "MutableSet", "Reversible", "Sequence", "Set", "Sized", "ValuesView",
  ]

  static let module = "collections.abc"

  static func attribute(_ name: String) -> Value? {
    names.contains(name) ? .standard(StandardClass(module: module, name: name)) : nil
  }

  private static let sequence: Set<String> = [
    "Sequence", "Reversible", "Collection", "Sized", "Iterable", "Container",
  ]
  private static let mutableSequence = sequence.union(["MutableSequence"])
  private static let container: Set<String> = ["Collection", "Sized", "Iterable", "Container"]

  /// The abstract classes of `collections.abc` a value is an instance of, or nil when ConvBook
  /// does not know them for this value.
  static func classes(of value: Value) -> Set<String>? {
    switch value {
    case .none, .bool, .int, .bigInt, .float, .ellipsis: return ["Hashable"]
    case .string, .tuple, .range: return sequence.union(["Hashable"])
    case .list(let list):
      guard list.dictionaryView == nil else { return nil }
      return mutableSequence
    case .dictionary:
      return container.union(["Mapping", "MutableMapping", "Reversible"])
    case .set(let set):
      return set.isFrozen
        ? container.union(["Set", "Hashable"]) : container.union(["Set", "MutableSet"])
    case .array: return container
    case .function(let callable):
      if case .userClass = callable.kind { return nil }
      return ["Callable", "Hashable"]
    case .method: return ["Callable", "Hashable"]
    default: return nil
    }
  }

  /// The first `collections.abc` class `isinstance`'s second argument names, if any.
  static func firstClass(in wanted: Value) -> String? {
    switch wanted {
    case .standard(let type as StandardClass) where type.module == module: return type.name
    case .tuple(let items): return items.lazy.compactMap(firstClass).first
    default: return nil
    }
  }

  /// `isinstance(value, abstract)` for the `collections.abc` classes among `wanted` (by name):
  /// true when the value is an instance of one, false when of none, nil for the other classes
  /// of `wanted` to decide. A value ConvBook does not know is its limitation.
  static func isInstance(_ value: Value, of wanted: [String], range: SourceRange)
    throws(CellError) -> Bool?
  {
    let abstract = wanted.compactMap { name in
      name.hasPrefix(module + ".") ? String(name.dropFirst(module.count + 1)) : nil
    }
    guard !abstract.isEmpty else { return nil }
    guard let known = classes(of: value) else {
      throw .unsupported(
        "ConvBook does not know whether a \(value.typeName) is a collections.abc.\(abstract[0]) yet",
        at: range)
    }
    if abstract.contains(where: known.contains) { return true }
    return abstract.count == wanted.count ? false : nil
  }
}
