/// `io.StringIO` and `contextlib.redirect_stdout`, as scripts use them around model code: to
/// capture a model's summary as text (`with redirect_stdout(buffer): model.summary()`, or
/// `model.summary(print_fn=lambda line: buffer.write(line + "\n"))`) and write it somewhere else.
/// Standard output goes to the innermost redirection's target while its block runs
/// (`Interpreter.write`): `print`, `sys.stdout.write`, and Keras' own printing (a summary is
/// rendered as Keras renders it for a file that is no terminal: `Interpreter.emit`).
enum StandardIO {
  static func attribute(_ name: String) -> Value? {
    name == "StringIO" ? StandardLibrary.function("io", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    guard name == "StringIO" else { return nil }
    let (values, _) = try arguments.bind([
      ("initial_value", .string("")), ("newline", .string("\n")),
    ])
    let initial: String
    switch values["initial_value"]! {
    case .string(let text): initial = text
    case .none: initial = ""
    case let other:
      throw arguments.typeError("initial_value must be str or None, not \(other.typeName)")
    }
    guard case .string("\n") = values["newline"]! else {
      throw .unsupported(
        "ConvBook does not support io.StringIO(newline=...) other than \"\\n\" yet",
        at: arguments.range)
    }
    try arguments.interpreter.budget.allocate(bytes: initial.utf8.count, at: arguments.range)
    return .standard(StringBuffer(initial))
  }
}

/// `io.StringIO`: text in memory with a position (in code points), as CPython's: writing at the
/// position overwrites and extends (a buffer made with an initial value starts at 0); a closed
/// buffer refuses everything with "I/O operation on closed file".
final class StringBuffer: StandardObject {
  private(set) var scalars: [Unicode.Scalar]
  private var position = 0
  private(set) var closed = false

  init(_ initial: String) { scalars = Array(initial.unicodeScalars) }

  override var typeName: String { "StringIO" }
  // CPython adds the address (`at 0x7f...`), which ConvBook does not print.
  override func repr(_ item: (Value) -> String) -> String { "<_io.StringIO object>" }

  static let methodNames: Set<String> = [
    "write", "writelines", "getvalue", "read", "readline", "readlines", "seek", "tell",
    "truncate", "close", "flush", "readable", "writable", "seekable", "isatty",
  ]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if name == "closed" { return .bool(closed) }
    if Self.methodNames.contains(name) { return .method(receiver: .standard(self), name: name) }
    return nil
  }

  /// `write(text)` as standard output does it (a redirection's target).
  func write(_ text: String) {
    let added = Array(text.unicodeScalars)
    if position > scalars.count {
      scalars += Array(repeating: "\0", count: position - scalars.count)
    }
    let end = min(position + added.count, scalars.count)
    scalars.replaceSubrange(position..<end, with: added)
    position += added.count
  }

  func close() { closed = true }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard Self.methodNames.contains(name) else { return nil }
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    if !keywords.isEmpty {
      throw arguments.typeError("StringIO.\(name)() takes no keyword arguments")
    }
    if name == "close" {
      try arguments.bind([])
      closed = true
      return Value.none
    }
    if closed {
      throw CellError(
        type: "ValueError", message: "I/O operation on closed file", range: site.range)
    }
    switch name {
    case "write":
      let (values, _) = try arguments.bind([("s", nil)])
      guard case .string(let text) = values["s"]! else {
        throw arguments.typeError("string argument expected, got '\(values["s"]!.typeName)'")
      }
      try interpreter.budget.allocate(bytes: text.utf8.count, at: site.range)
      write(text)
      return .int(text.unicodeScalars.count)
    case "writelines":
      let (values, _) = try arguments.bind([("lines", nil)])
      for line in try interpreter.iterate(values["lines"]!, range: site.range) {
        guard case .string(let text) = line else {
          throw arguments.typeError("string argument expected, got '\(line.typeName)'")
        }
        try interpreter.budget.allocate(bytes: text.utf8.count, at: site.range)
        write(text)
      }
      return Value.none
    case "getvalue":
      try arguments.bind([])
      return .string(Self.text(scalars[...]))
    case "read":
      let (values, _) = try arguments.bind([("size", .int(-1))])
      let size = try self.size(values["size"]!, arguments)
      let start = min(position, scalars.count)
      let end = size < 0 ? scalars.count : min(scalars.count, start + size)
      position = max(position, end)
      return .string(Self.text(scalars[start..<end]))
    case "readline":
      let (values, _) = try arguments.bind([("size", .int(-1))])
      let size = try self.size(values["size"]!, arguments)
      let start = min(position, scalars.count)
      var end = start
      while end < scalars.count, size < 0 || end - start < size {
        end += 1
        if scalars[end - 1] == "\n" { break }
      }
      position = max(position, end)
      return .string(Self.text(scalars[start..<end]))
    case "readlines":
      try arguments.bind([])
      var lines: [Value] = []
      var start = min(position, scalars.count)
      var index = start
      while index < scalars.count {
        index += 1
        if scalars[index - 1] == "\n" || index == scalars.count {
          lines.append(.string(Self.text(scalars[start..<index])))
          start = index
        }
      }
      position = max(position, scalars.count)
      return .list(PythonList(lines))
    case "seek":
      let (values, _) = try arguments.bind([("pos", nil), ("whence", .int(0))])
      let offset = try arguments.integer(values["pos"]!, "pos")
      switch try arguments.integer(values["whence"]!, "whence") {
      case 0:
        guard offset >= 0 else {
          throw CellError(
            type: "ValueError", message: "Negative seek position \(offset)", range: site.range)
        }
        position = offset
      case 1, 2:
        guard offset == 0 else {
          throw CellError(
            type: "OSError",
            message:
              "Can't do nonzero \(Self.isEndRelative(values["whence"]!) ? "end" : "cur")-relative seeks",
            range: site.range)
        }
        if case .int(2) = values["whence"]! { position = scalars.count }
      case let whence:
        throw CellError(
          type: "ValueError",
          message: "Invalid whence (\(whence), should be 0, 1 or 2)", range: site.range)
      }
      return .int(position)
    case "tell":
      try arguments.bind([])
      return .int(position)
    case "truncate":
      let (values, _) = try arguments.bind([("pos", Value.none)])
      var size = position
      if case .none = values["pos"]! {
      } else {
        size = try arguments.integer(values["pos"]!, "pos")
        guard size >= 0 else {
          throw CellError(
            type: "ValueError", message: "Negative size value \(size)", range: site.range)
        }
      }
      if size < scalars.count { scalars.removeSubrange(size...) }
      return .int(size)
    case "flush":
      try arguments.bind([])
      return Value.none
    case "isatty":
      try arguments.bind([])
      return .bool(false)
    default:
      // `readable`, `writable`, `seekable`.
      try arguments.bind([])
      return .bool(true)
    }
  }

  private func size(_ value: Value, _ arguments: StandardArguments) throws(CellError) -> Int {
    if case .none = value { return -1 }
    return try arguments.integer(value, "size")
  }

  private static func isEndRelative(_ whence: Value) -> Bool {
    if case .int(2) = whence { return true }
    return false
  }

  private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}

/// `contextlib.redirect_stdout(new_target)`: while its `with` block runs, standard output goes to
/// `new_target` (what `as` binds); afterwards to where it went before.
final class RedirectStandardOutput: StandardObject {
  let target: Value

  init(target: Value) { self.target = target }

  override var typeName: String { "redirect_stdout" }
  override func repr(_ item: (Value) -> String) -> String { "<contextlib.redirect_stdout object>" }

  /// Where output goes inside the block, given where it goes outside it.
  func destination(outside: Interpreter.StandardOutputTarget?, range: SourceRange)
    throws(CellError) -> Interpreter.StandardOutputTarget
  {
    switch target {
    case .standard(let buffer as StringBuffer): return .buffer(buffer)
    case .standard(let stream as StandardStream):
      // `sys.stdout` is where output goes at that moment.
      return stream.isStandardOutput ? outside ?? .standardOutput : .standardError
    default:
      throw .unsupported(
        "ConvBook's contextlib.redirect_stdout() takes an io.StringIO or sys.stdout/sys.stderr, not \(target.typeName)",
        at: range)
    }
  }
}
