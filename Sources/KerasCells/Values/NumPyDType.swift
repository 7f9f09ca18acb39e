import CNNEngine

/// A NumPy dtype object (`x.dtype`, `np.dtype("float32")`), as NumPy 2 has it: `str` its name
/// (`float32`, `<U5`), `repr` `dtype('float32')` (so a list of them prints `[dtype('int64')]`),
/// equal to every value `np.dtype(...)` reads as the same dtype (`x.dtype == np.float32`,
/// `== "float32"`, `== "f4"`, `== float` for float64), and the attributes model code reads
/// (`name`, `type`, `itemsize`, `kind`, `char`, `str`, ...). Arrays of `str` have the dtypes
/// `<U{n}` and, for bytes, `object` (`NumPyStringArray`).
final class NumPyDType: StandardObject {
  /// NumPy's `str(dtype)`: `float32`, `<U5`, `object`.
  let name: String
  /// The dtype of a numeric array, nil for the dtypes of arrays of `str` or bytes.
  let numeric: NDArray.DType?

  init(_ dtype: NDArray.DType) {
    name = dtype.rawValue
    numeric = dtype
  }

  /// The dtype of an array of `str` (`<U5`) or of bytes (`object`).
  init(text name: String) {
    self.name = name
    numeric = nil
  }

  /// `type(dtype).__name__`: `Float32DType`, `StrDType`, ...
  override var typeName: String {
    switch numeric {
    case .bool: return "BoolDType"
    case .uint8: return "UInt8DType"
    case .int32: return "Int32DType"
    case .int64: return "Int64DType"
    case .float32: return "Float32DType"
    case .float64: return "Float64DType"
    case nil: return name == "object" ? "ObjectDType" : "StrDType"
    }
  }

  /// The name NumPy's messages give the class (its `tp_name`).
  var className: String { "numpy.dtypes." + typeName }

  override func str(_ item: (Value) -> String) -> String { name }

  override func repr(_ item: (Value) -> String) -> String {
    "dtype('\(name == "object" ? "O" : name)')"
  }

  override var comparisonKey: Value? { .string(name) }

  /// `dtype == other`: NumPy reads `other` as a dtype (`np.dtype(other)`) and compares.
  override func comparisonKey(coercing other: Value) -> Value? {
    Self.named(other).map { .string($0.name) }
  }

  /// The number of characters of a `<U{n}` dtype.
  private var characters: Int? {
    guard numeric == nil, name.hasPrefix("<U") else { return nil }
    return Int(name.dropFirst(2))
  }

  private var itemSize: Int {
    if let numeric { return numeric.itemSize }
    return characters.map { 4 * $0 } ?? 8
  }

  /// NumPy's one-letter kind: `b`, `u`, `i`, `f`, `U`, `O`.
  private var kind: String {
    switch numeric {
    case .bool: return "b"
    case .uint8: return "u"
    case .int32, .int64: return "i"
    case .float32, .float64: return "f"
    case nil: return characters == nil ? "O" : "U"
    }
  }

  /// NumPy's type character (`dtype.char`).
  private var character: String {
    switch numeric {
    case .bool: return "?"
    case .uint8: return "B"
    case .int32: return "i"
    case .int64: return "l"
    case .float32: return "f"
    case .float64: return "d"
    case nil: return characters == nil ? "O" : "U"
    }
  }

  /// `dtype.byteorder`: `|` where the order does not matter (one byte, objects), `=` native.
  private var byteOrder: String {
    numeric.map { $0.itemSize == 1 ? "|" : "=" } ?? (characters == nil ? "|" : "=")
  }

  /// `dtype.str`: `<f4`, `|u1`, `<U5`, `|O`.
  private var typeString: String {
    if numeric == nil { return characters == nil ? "|O" : name }
    return (byteOrder == "|" ? "|" : "<") + kind + String(itemSize)
  }

  /// NumPy's `dtype` attributes ConvBook does not model (`dir(np.dtype("float32"))`).
  private static let otherAttributes: Set<String> = [
    "descr", "fields", "flags", "hasobject", "isalignedstruct", "isbuiltin", "metadata", "names",
    "newbyteorder", "num", "subdtype",
  ]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name":
      if let characters { return .string("str\(32 * characters)") }
      return .string(self.name)
    case "type":
      guard let numeric else {
        throw .unsupported(
          "ConvBook does not support `dtype.type` of a \(typeName) yet", at: range)
      }
      let scalar = numeric == .bool ? "bool_" : numeric.rawValue
      return .function(Callable(.builtin("numpy." + scalar), path: "numpy." + scalar))
    case "itemsize", "alignment":
      return .int(name == "alignment" && numeric == nil && characters != nil ? 4 : itemSize)
    case "kind": return .string(kind)
    case "char": return .string(character)
    case "str": return .string(typeString)
    case "byteorder": return .string(byteOrder)
    case "base": return .standard(self)
    case "shape": return .tuple([])
    case "ndim": return .int(0)
    case "isnative": return .bool(true)
    case _ where Self.otherAttributes.contains(name):
      throw .unsupported("ConvBook does not support `dtype.\(name)` yet", at: range)
    default:
      throw CellError(
        type: "AttributeError", message: "'\(className)' object has no attribute '\(name)'",
        range: range)
    }
  }

  /// What `np.dtype(value)` reads as one of ConvBook's dtypes: a dtype, a dtype name or type code
  /// (`"float32"`, `"f4"`, `"<f4"`, `"float"`), a NumPy scalar type (`np.float32`), Python's
  /// `float`, `int` and `bool`; nil for anything else (another NumPy dtype, or none at all).
  static func named(_ value: Value) -> NumPyDType? {
    switch value {
    case .standard(let dtype as NumPyDType): return dtype
    case .string(let text):
      if let dtype = NDArray.DType(name: text) ?? codes[text] { return NumPyDType(dtype) }
      // A byte order before a type code (`<f4`, `=i8`, `|u1`; `<` and `=` are this machine's).
      let code = String(text.dropFirst())
      if let order = text.first, "<=|".contains(order), code.count <= 3,
        let dtype = codes[code] ?? NDArray.DType(name: code)
      {
        return NumPyDType(dtype)
      }
      if let count = Int(text.drop { "<=U".contains($0) }), count > 0,
        text.hasSuffix(String(count)), text.contains("U"), !text.hasPrefix("|")
      {
        return NumPyDType(text: "<U\(count)")
      }
      return text == "object" || text == "O" || text == "|O" ? NumPyDType(text: "object") : nil
    case .function(let callable):
      guard case .builtin(let path) = callable.kind else { return nil }
      let name = path.hasPrefix("numpy.") ? String(path.dropFirst(6)) : path
      guard NumPyFunctions.dtypeNames.contains(name) || ["float", "int", "bool"].contains(name)
      else { return nil }
      return NDArray.DType(name: name).map(NumPyDType.init)
    default: return nil
    }
  }

  /// NumPy's one-letter type codes and the sized codes `NDArray.DType(name:)` does not read.
  private static let codes: [String: NDArray.DType] = [
    "?": .bool, "b1": .bool, "B": .uint8, "i": .int32, "l": .int64, "q": .int64, "f": .float32,
    "d": .float64,
  ]
}

/// `np.dtype`: the class, whose call reads a dtype (`np.dtype("float32")`, `np.dtype(x.dtype)`).
final class NumPyDTypeClass: StandardObject {
  override var typeName: String { "type" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<class 'numpy.dtype'>" }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard positional.count == 1, keywords.isEmpty else {
      throw .unsupported(
        "ConvBook supports `numpy.dtype` of one dtype (a name or a type) only", at: range)
    }
    if let dtype = NumPyDType.named(positional[0]) { return .standard(dtype) }
    if case .string(let text) = positional[0], !NumPyDTypeClass.otherNames.contains(text) {
      throw CellError(
        type: "TypeError", message: "data type \(PythonText.repr(positional[0])) not understood",
        range: range)
    }
    throw .unsupported(
      "ConvBook arrays have the dtypes bool, uint8, int32, int64, float32 and float64; \(PythonText.repr(positional[0])) is not one of them",
      at: range)
  }

  /// Dtype names NumPy has and ConvBook lacks (refused as its limitation, not NumPy's TypeError).
  static let otherNames: Set<String> = [
    "int8", "int16", "uint16", "uint32", "uint64", "float16", "complex64", "complex128", "half",
    "longlong", "short", "ubyte", "byte", "str", "bytes", "U", "S", "i1", "i2", "u2", "u4", "u8",
    "f2", "c8", "c16", "e", "h", "H", "I", "L", "Q", "g", "complex", "longdouble", "datetime64",
    "timedelta64", "M8", "m8", "b", "uint", "str_", "bytes_", "void", "V",
  ]
}
