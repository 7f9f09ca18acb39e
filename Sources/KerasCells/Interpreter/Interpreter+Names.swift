import CNNEngine

/// `from keras.layers import *`, and the NameError of a name that is not bound.
extension Interpreter {
  /// Binds every public name of a Keras module that ConvBook has; the names Keras defines but
  /// ConvBook lacks stay unbound and are refused by name when used (`undefinedName`).
  func importAll(from module: KerasModule, path: DottedName, range: SourceRange) throws(CellError) {
    // NumPy's names are known only to refuse the ones ConvBook lacks; its star import (which
    // follows `numpy.__all__`) is not modelled.
    guard module != .numpy, let apiKey = module.apiKey, let names = KerasAPINames.names[apiKey]
    else {
      throw .unsupported(
        "ConvBook does not support `from \(path) import *` yet: import the names you use",
        at: range)
    }
    for name in names.sorted() where !name.hasPrefix("_") {
      if let value = session.attribute(name, of: module) {
        session.globals[name] = value
      } else if let submodule = KerasModule.resolve(path: path.components + [name]) {
        session.globals[name] = .module(submodule)
      }
    }
    if !session.starImports.contains(module) { session.starImports.append(module) }
  }

  /// Python's NameError, unless a star import brought in a Keras name ConvBook does not have;
  /// with CPython's "Did you mean" suggestion when a bound name is close.
  func undefinedName(_ name: String, range: SourceRange) -> CellError {
    for module in session.starImports {
      if let refusal = module.unsupportedName(name, at: range) { return refusal }
    }
    if Self.pythonBuiltins.contains(name) || Self.builtinNames.contains(name),
      !Builtins.names.contains(name), Builtins.value(named: name) == nil
    {
      return .unsupported("ConvBook does not support Python's built-in `\(name)` yet", at: range)
    }
    var error = CellError(type: "NameError", message: "name '\(name)' is not defined", range: range)
    if let failed = session.failedDefinitions[name], failed.index < cellIndex {
      error.note = failed.note(about: name)
    }
    // CPython looks in the function's locals, then the globals, then the builtins.
    var local = Array(locals.keys).sorted()
    if let scope { local += scope.names.keys.sorted() }
    let globalNames = session.globals.keys.sorted()
    error.suggestion = NameSuggestion.closest(
      to: name, inGroups: [local, globalNames, Self.builtinNames])
    return error
  }

  /// `dir(builtins)` in CPython 3.11, in its order: the names a NameError's suggestion is taken
  /// from after the locals and globals (`Input` → 'input', whether ConvBook has it or not).
  static let builtinNames: [String] = [
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
    "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
    "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError",
    "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
    "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
    "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented",
    "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
    "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
    "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
    "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError",
    "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
    "Warning", "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__",
    "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any",
    "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod",
    "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
    "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr",
    "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
    "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min",
    "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr",
    "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
    "super", "tuple", "type", "vars", "zip",
  ]

  /// CPython 3.11's built-in functions and constants (`dir(builtins)` without the exceptions and
  /// private names): one the cell language lacks (`exec`, `globals`) is ConvBook's limitation, not
  /// a NameError Python would never raise.
  static let pythonBuiltins: Set<String> = [
    "Ellipsis", "False", "None", "NotImplemented", "True", "abs", "aiter", "all", "anext", "any",
    "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod",
    "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate",
    "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
    "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
    "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
    "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
    "zip",
  ]
}
