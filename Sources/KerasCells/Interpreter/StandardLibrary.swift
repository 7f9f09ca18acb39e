/// The standard-library modules that model scripts import around their model code, as far as
/// model code uses them: `itertools`, `collections`, `argparse`, `logging`, `json`, `typing`,
/// `copy`, `string`, `textwrap`, `pprint`, `sys`, `types`, `glob` (importable; its calls read the disk, which
/// ConvBook refuses), modules that are only importable (`io`, `inspect`, `shutil`, `pickle`, ...:
/// their names are refused where used) and `re` (`StandardRe`, on ConvBook's own engine
/// `PythonRegex`). Still no file, network or
/// process access: what would touch them is refused as ConvBook's limitation. A real name of one of
/// these modules that ConvBook lacks (`StandardLibraryNames`) is refused as ConvBook's
/// limitation too, never an AttributeError that Python would not raise.
enum StandardLibrary {
  static let modules: Set<String> = [
    "itertools", "collections", "argparse", "logging", "json", "re", "typing", "copy", "string",
    "textwrap", "sys", "six", "six.moves", "random", "packaging", "packaging.version",
    "dataclasses", "types", "glob", "distutils", "distutils.version", "pathlib", "enum", "inspect",
    "abc", "collections.abc", "contextlib", "pprint", "unicodedata",
    // termcolor, installed with TensorFlow (`StandardTermcolor`).
    "termcolor",
    // Importable only, for the scripts that import them beside model code without using them:
    // every name they have is refused as ConvBook's limitation where it is used.
    "codecs", "csv", "gc", "hashlib", "heapq", "io", "numbers",
    "operator", "pickle", "platform", "shutil", "struct", "tarfile", "tempfile", "timeit",
    "uuid", "zipfile",
  ]

  /// Modules model files import at the top and use, if at all, in code that reads data, plots or
  /// talks to the machine (`from email.mime import base`, `from array import array`, `from PIL
  /// import Image`, `import h5py`): Python imports them, so ConvBook does too, and refuses what
  /// of them is used (`KerasModule.inert`). The third-party ones are those the reference Python
  /// has installed beside Keras (Pillow, SciPy, h5py, requests and its certifi); a module it lacks stays Python's
  /// `ModuleNotFoundError`.
  static let importableOnly: Set<String> = [
    "array", "ast", "asyncio", "atexit", "base64", "binascii", "bisect", "builtins", "bz2",
    "cProfile", "calendar", "cmath", "colorsys", "concurrent", "configparser",
    "ctypes", "decimal", "difflib", "email", "errno", "faulthandler", "filecmp", "fnmatch",
    "fractions", "getopt", "getpass", "gettext", "gzip", "hmac", "html", "http", "importlib",
    "keyword", "linecache", "locale", "lzma", "marshal", "mimetypes", "multiprocessing",
    "optparse", "pdb", "pkgutil", "posixpath", "profile", "queue", "resource", "runpy", "sched",
    "secrets", "select", "selectors", "shelve", "shlex", "signal", "site", "socket", "sqlite3",
    "ssl", "stat", "statistics", "subprocess", "sysconfig", "threading", "token", "tokenize",
    "traceback", "tracemalloc", "unittest", "urllib", "wave", "weakref",
    "webbrowser", "xml", "zlib",
    "PIL", "scipy", "h5py", "requests", "certifi", "joblib",
  ]

  /// `module.name`, or nil when ConvBook has no such attribute.
  static func attribute(_ name: String, of module: String) -> Value? {
    switch module {
    case "itertools": return StandardItertools.attribute(name)
    case "collections": return StandardCollections.attribute(name)
    case "argparse": return StandardArgparse.attribute(name)
    case "logging": return StandardLogging.attribute(name)
    case "json": return StandardJSON.attribute(name)
    case "copy": return StandardCopy.attribute(name)
    case "typing": return StandardTyping.attribute(name)
    case "string", "textwrap": return StandardText.attribute(name, of: module)
    case "sys": return StandardSys.attribute(name)
    case "re": return StandardRe.attribute(name)
    case "random": return StandardRandom.attribute(name)
    case "dataclasses": return StandardDataclasses.attribute(name)
    case "types": return StandardTypes.attribute(name)
    case "pathlib": return StandardPathlib.attribute(name)
    case "enum": return StandardEnum.attribute(name)
    case "inspect": return StandardInspect.attribute(name)
    case "abc": return StandardABC.attribute(name)
    case "collections.abc": return StandardCollectionsABC.attribute(name)
    case "contextlib": return StandardContextlib.attribute(name)
    case "pprint": return StandardPprint.attribute(name)
    case "unicodedata": return StandardUnicodedata.attribute(name)
    case "termcolor": return StandardTermcolor.attribute(name)
    case "io": return StandardIO.attribute(name)
    // `from glob import glob` is common beside model code; only calling it reads the disk.
    case "glob" where ["glob", "iglob"].contains(name): return function(module, name)
    case "operator"
    where ["itemgetter", "attrgetter"].contains(name) || operatorFunctions[name] != nil:
      return function(module, name)
    case "packaging", "packaging.version": return StandardPackaging.attribute(name, of: module)
    case "distutils", "distutils.version": return StandardDistutils.attribute(name, of: module)
    // `six`, the Python 2/3 compatibility package older model code imports: its Python 3 names.
    case "six", "six.moves": return sixAttribute(name, of: module)
    case _ where TensorFlowEnvironment.modules.contains(module):
      return TensorFlowEnvironment.attribute(name, of: module)
    case _ where TensorFlowClasses.modules.contains(module):
      return TensorFlowClasses.attribute(name, of: module)
    default: return nil
    }
  }

  /// The refusal of a name the real module has but ConvBook lacks.
  static func unsupportedName(_ name: String, of module: String, at range: SourceRange)
    -> CellError?
  {
    // A name TensorFlow's module lacks is Python's AttributeError, with CPython's suggestion.
    if let known = TensorFlowEnvironment.publicNames[module], !known.contains(name) {
      return CellError(
        type: "AttributeError",
        message: "module '\(KerasModule.standard(module).pythonName)' has no attribute '\(name)'",
        range: range, suggestion: NameSuggestion.closest(to: name, among: known.sorted()))
    }
    // Every public name of `six` that ConvBook does not model is its limitation.
    guard
      pythonNames[module]?.contains(name) == true
        || ((module.hasPrefix("six") || TensorFlowEnvironment.modules.contains(module)
          || TensorFlowClasses.modules.contains(module)) && !name.hasPrefix("_"))
    else { return nil }
    return .unsupported("ConvBook does not support `\(module).\(name)` yet", at: range)
  }

  /// `six.string_types`, `six.moves.range`, ...: what they are under Python 3.
  private static func sixAttribute(_ name: String, of module: String) -> Value? {
    func builtin(_ builtinName: String) -> Value {
      .function(Callable(.builtin(builtinName), path: builtinName))
    }
    if module == "six.moves" {
      return ["range", "zip", "map", "filter"].contains(name) && Builtins.names.contains(name)
        ? builtin(name) : nil
    }
    switch name {
    case "PY2": return .bool(false)
    case "PY3": return .bool(true)
    case "string_types": return .tuple([builtin("str")])
    case "integer_types": return .tuple([builtin("int")])
    case "text_type": return builtin("str")
    case "moves": return .module(.standard("six.moves"))
    default: return nil
    }
  }

  /// `operator`'s functions of two operands, as the binary operators they stand for.
  static let operatorFunctions: [String: BinaryOperator] = [
    "add": .add, "sub": .subtract, "mul": .multiply, "truediv": .divide,
    "floordiv": .floorDivide, "mod": .modulo, "pow": .power, "matmul": .matrixMultiply,
    "lshift": .leftShift, "rshift": .rightShift,
  ]

  /// A function of a module, as a value.
  static func function(_ module: String, _ name: String) -> Value {
    .standard(StandardFunction(module: module, name: name))
  }
}

/// A function of a standard-library module (`itertools.product`, `json.dumps`, ...): calling it
/// runs the module's Swift implementation.
final class StandardFunction: StandardObject {
  let module: String
  let name: String

  init(module: String, name: String) {
    self.module = module
    self.name = name
  }

  override var typeName: String { "function" }
  override var isCallable: Bool { true }

  // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String { "<function \(name)>" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__name__", "__qualname__": return .string(self.name)
    case "__module__": return .string(module)
    case "from_iterable" where module == "itertools" && self.name == "chain":
      return StandardLibrary.function("itertools", "chain.from_iterable")
    default: return nil
    }
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    switch module {
    case "itertools": return try StandardItertools.call(name, arguments)
    case "operator" where StandardLibrary.operatorFunctions[name] != nil:
      // `functools.reduce(operator.mul, shape)`: the operator itself, on any operands.
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("\(name)() takes no keyword arguments")
      }
      guard arguments.positional.count == 2 else {
        throw arguments.typeError(
          "\(name) expected 2 arguments, got \(arguments.positional.count)")
      }
      return try interpreter.binary(
        StandardLibrary.operatorFunctions[name]!, arguments.positional[0],
        arguments.positional[1], range: site.range)
    case "operator" where name == "itemgetter":
      // `operator.itemgetter(*items)`: sort keys (`key=itemgetter(1)`).
      guard !arguments.positional.isEmpty else {
        throw arguments.typeError("itemgetter expected 1 argument, got 0")
      }
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("itemgetter() takes no keyword arguments")
      }
      return .standard(OperatorGetter(.items(arguments.positional)))
    case "operator" where name == "attrgetter":
      // `operator.attrgetter("name", "a.b")`: sort keys (`key=attrgetter("name")`).
      guard !arguments.positional.isEmpty else {
        throw arguments.typeError("attrgetter expected 1 argument, got 0")
      }
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("attrgetter() takes no keyword arguments")
      }
      var paths: [[String]] = []
      for argument in arguments.positional {
        guard case .string(let path) = argument else {
          throw arguments.typeError("attribute name must be a string")
        }
        paths.append(path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
      }
      return .standard(OperatorGetter(.attributes(paths)))
    case "collections": return try StandardCollections.call(name, arguments)
    case "argparse": return try StandardArgparse.call(name, arguments)
    case "logging": return try StandardLogging.call(name, arguments)
    case "json": return try StandardJSON.call(name, arguments)
    case "copy": return try StandardCopy.call(name, arguments)
    case "typing": return try StandardTyping.call(name, arguments)
    case "string", "textwrap": return try StandardText.call(module, name, arguments)
    case "sys": return try StandardSys.call(name, arguments)
    case "re": return try StandardRe.call(name, arguments)
    case "random": return try StandardRandom.call(name, arguments)
    case "dataclasses": return try StandardDataclasses.call(name, arguments)
    case "types", "builtins": return try StandardTypes.call(name, arguments)
    case "pathlib": return try StandardPathlib.call(name, arguments)
    case "enum": return try StandardEnum.call(name, arguments)
    case "inspect": return try StandardInspect.call(name, arguments)
    case "abc": return try StandardABC.call(name, arguments)
    case "contextlib": return try StandardContextlib.call(name, arguments)
    case "pprint": return try StandardPprint.call(name, arguments)
    case "unicodedata": return try StandardUnicodedata.call(name, arguments)
    case "termcolor": return try StandardTermcolor.call(name, arguments)
    case "io": return try StandardIO.call(name, arguments)
    case "glob" where name == "glob":
      // A folder that is not there holds no matches (`MissingFiles`).
      return try MissingFiles.glob(
        positional: arguments.positional, keywords: arguments.keywords,
        session: arguments.interpreter.session, range: arguments.range)
    case "glob":
      throw .unsupported(
        "`glob.\(name)` reaches files, processes or the machine, which ConvBook cells do not do",
        at: arguments.range)
    case "packaging.version": return try StandardPackaging.call(name, arguments)
    case "distutils.version": return try StandardDistutils.call(name, arguments)
    case _ where module == "tensorflow" || TensorFlowEnvironment.modules.contains(module):
      return try TensorFlowEnvironment.call(module, name, arguments)
    default: return nil
    }
  }
}

/// The arguments of a call of a standard-library function, bound to its parameters with the
/// messages CPython gives a Python function (`dumps() got an unexpected keyword argument 'x'`).
struct StandardArguments {
  let function: String
  let positional: [Value]
  let keywords: [(String, Value)]
  let site: CallSite
  let interpreter: Interpreter

  var range: SourceRange { site.range }

  func typeError(_ message: String) -> CellError {
    CellError(type: "TypeError", message: message, range: site.range)
  }

  /// Binds the arguments to `parameters` (names; a nil default marks a required one) and
  /// returns each parameter's value (its default when not given). `keywordOnly` parameters take
  /// no positional argument; `rest` collects extra positional arguments (`*args`) instead of
  /// refusing them.
  @discardableResult
  func bind(
    _ parameters: [(String, Value?)], keywordOnly: [(String, Value)] = [], rest: Bool = false
  ) throws(CellError) -> (values: [String: Value], rest: [Value]) {
    var values: [String: Value] = [:]
    let names = parameters.map(\.0)
    if positional.count > parameters.count && !rest {
      let required = parameters.filter { $0.1 == nil }.count
      let counted =
        required == parameters.count
        ? "\(parameters.count)" : "from \(required) to \(parameters.count)"
      throw typeError(
        "\(function)() takes \(counted) positional argument\(parameters.count == 1 && required == 1 ? "" : "s") but \(positional.count) \(positional.count == 1 ? "was" : "were") given"
      )
    }
    for (index, value) in positional.prefix(parameters.count).enumerated() {
      values[names[index]] = value
    }
    for (label, value) in keywords {
      guard names.contains(label) || keywordOnly.contains(where: { $0.0 == label }) else {
        throw typeError("\(function)() got an unexpected keyword argument '\(label)'")
      }
      if values[label] != nil {
        throw typeError("\(function)() got multiple values for argument '\(label)'")
      }
      values[label] = value
    }
    let missing = parameters.filter { $0.1 == nil && values[$0.0] == nil }.map(\.0)
    if !missing.isEmpty {
      let quoted = missing.map { "'\($0)'" }
      // CPython's list of missing arguments: `'a' and 'b'`, `'a', 'b', and 'c'`.
      let list =
        quoted.count == 1
        ? quoted[0]
        : quoted.dropLast().joined(separator: ", ") + (quoted.count > 2 ? "," : "") + " and "
          + quoted.last!
      throw typeError(
        "\(function)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
      )
    }
    for (name, value) in parameters where values[name] == nil { values[name] = value }
    for (name, value) in keywordOnly where values[name] == nil { values[name] = value }
    return (values, rest ? Array(positional.dropFirst(parameters.count)) : [])
  }

  /// An integer argument (`bool` counts as one, as in Python).
  func integer(_ value: Value, _ name: String) throws(CellError) -> Int {
    try PythonInteger.sizeArgument(value, range: range)
  }

  /// A string argument.
  func string(_ value: Value, _ what: String) throws(CellError) -> String {
    guard case .string(let text) = value else {
      throw typeError("\(what) must be str, not \(value.typeName)")
    }
    return text
  }

  /// Calls a cell value (a function, a class, a lambda) with `arguments`.
  func call(_ callee: Value, _ arguments: [Value], keywords: [(String, Value)] = [])
    throws(CellError) -> Value
  {
    try interpreter.step(at: range)
    return try Calls.call(
      callee, positional: arguments, keywords: keywords, site: site, interpreter: interpreter)
  }
}

/// `operator.itemgetter(item, ...)` and `operator.attrgetter(name, ...)`: called on one object,
/// its item or attribute (dotted names followed one by one), or a tuple of them.
final class OperatorGetter: StandardObject {
  enum Kind {
    case items([Value])
    case attributes([[String]])
  }

  let kind: Kind

  init(_ kind: Kind) { self.kind = kind }

  override var typeName: String {
    if case .items = kind { "itemgetter" } else { "attrgetter" }
  }

  override func repr(_ item: (Value) -> String) -> String {
    let arguments: [String]
    switch kind {
    case .items(let items): arguments = items.map(item)
    case .attributes(let paths): arguments = paths.map { item(.string($0.joined(separator: "."))) }
    }
    return "operator.\(typeName)(\(arguments.joined(separator: ", ")))"
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard positional.count == 1, keywords.isEmpty else {
      throw CellError(
        type: "TypeError",
        message: keywords.isEmpty
          ? "\(typeName) expected 1 argument, got \(positional.count)"
          : "\(typeName)() takes no keyword arguments",
        range: site.range)
    }
    var found: [Value] = []
    switch kind {
    case .items(let items):
      for index in items {
        found.append(try interpreter.subscriptValue(positional[0], index, range: site.range))
      }
    case .attributes(let paths):
      for path in paths {
        var value = positional[0]
        for name in path {
          value = try Attributes.get(name, of: value, range: site.range, interpreter: interpreter)
        }
        found.append(value)
      }
    }
    return found.count == 1 ? found[0] : .tuple(found)
  }
}
