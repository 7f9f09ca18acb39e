/// `dir(obj)` of an instance of a class defined in the script, or of such a class: the names of
/// the instance's `__dict__`, of every class in the method resolution order (with the four
/// `__module__`, `__dict__`, `__weakref__`, `__doc__` each plain class's `__dict__` holds) and of
/// `object` (CPython 3.11's). Classes whose `__dict__` CPython fills with more (dataclasses,
/// enumerations, ABCs, Keras subclasses, `__slots__`) answer nil: ConvBook's limitation.
enum PythonClassDirectory {
  static func names(of type: PythonClass, instance: PythonInstance?) -> Set<String>? {
    var names = objectNames.union(["__module__", "__dict__", "__weakref__", "__doc__"])
    for defining in type.mro {
      guard defining.kerasBase == nil, defining.kerasLayerClass == nil,
        defining.kerasClassBase == nil, defining.dataclass == nil, defining.enumKind == nil,
        !defining.checksAbstractMethods, !defining.extendsGeneric, defining.module != "abc",
        defining.namespace["__slots__"] == nil
      else { return nil }
      names.formUnion(defining.namespaceOrder)
    }
    if let instance { names.formUnion(instance.attributes.keys) }
    return names
  }

  /// Whether every class has `name` in CPython 3.11: `object`'s attributes and those of `type`
  /// (`__mro__`, `mro`, `__subclasses__`, ...), dunders all but `mro`.
  static func isClassAttribute(_ name: String) -> Bool {
    objectNames.contains(name) || typeNames.contains(name)
  }

  /// `dir(type)` in CPython 3.11 beyond `dir(object)`.
  private static let typeNames: Set<String> = [
    "__abstractmethods__", "__annotations__", "__base__", "__bases__", "__basicsize__",
    "__call__", "__dict__", "__dictoffset__", "__flags__", "__instancecheck__", "__itemsize__",
    "__module__", "__mro__", "__name__", "__or__", "__prepare__", "__qualname__", "__ror__",
    "__subclasscheck__", "__subclasses__", "__text_signature__", "__weakrefoffset__", "mro",
  ]

  /// `dir(object())` in CPython 3.11.
  private static let objectNames: Set<String> = [
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
  ]
}
