/// The built-ins `exit` and `quit` (the `site` module's `Quitter`s): calling one raises
/// `SystemExit(code)`, as `sys.exit` does, which scripts write as `exit(main())`.
final class SiteQuitter: StandardObject {
  let name: String

  init(name: String) { self.name = name }

  override var typeName: String { "Quitter" }
  override var isCallable: Bool { true }
  override func repr(_ item: (Value) -> String) -> String {
    "Use \(name)() or Ctrl-D (i.e. EOF) to exit"
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: "Quitter.__call__", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let (values, _) = try arguments.bind([("code", Value.none)])
    // `raise SystemExit(code)`: None is an argument too (`args == (None,)`).
    throw PythonException(type: "SystemExit", arguments: [values["code"]!]).error(at: site.range)
  }
}
