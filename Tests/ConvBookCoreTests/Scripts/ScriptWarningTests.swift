import ConvBookCore
import Foundation
import KerasCells
import Testing

/// A script's own warnings (`warnings.warn`, distutils' `LooseVersion`) go to standard error as
/// CPython 3.11 prints them under its default filters and the script's "ignore" filters; what the
/// script prints goes to a pipe byte for byte, control characters included, and is escaped on a
/// terminal only.
@Suite struct ScriptWarningTests {
  static let script = #"""
    import warnings
    from distutils.version import LooseVersion

    warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
    def check(level):
        if level > 1:
            warnings.warn(f"level {level} is high", RuntimeWarning)
        return level
    for level in range(4):
        check(level)
    if LooseVersion("2.15.1") >= "2.4":
        warnings.warn("old checkpoint format")
    warnings.warn("soon gone", PendingDeprecationWarning)
    warnings.simplefilter("ignore", RuntimeWarning)
    check(5)
    print("\x1b[1mdone\x1b[0m")
    """#

  /// What `python FILE.py` (CPython 3.11.7, setuptools' distutils) wrote on standard error, the
  /// file's name aside.
  static let pythonText = """
    FILE:7: RuntimeWarning: level 2 is high
      warnings.warn(f"level {level} is high", RuntimeWarning)
    FILE:7: RuntimeWarning: level 3 is high
      warnings.warn(f"level {level} is high", RuntimeWarning)
    FILE:11: DeprecationWarning: distutils Version classes are deprecated. Use packaging.version instead.
      if LooseVersion("2.15.1") >= "2.4":
    FILE:12: UserWarning: old checkpoint format
      warnings.warn("old checkpoint format")

    """

  static func load(_ source: String) throws -> (ModelFile, String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-script-warn-\(UUID().uuidString).py")
    try source.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return (try ModelFile.load(path: url.path), url.path)
  }

  @Test func warningsAsPythonPrintsThem() throws {
    let (file, path) = try Self.load(Self.script)
    #expect(file.diagnostics.isEmpty)
    #expect(
      file.pythonWarnings.joined().replacingOccurrences(of: path, with: "FILE") == Self.pythonText)
    let piped = try ModelCommands.run(file, json: false, console: .notATerminal)
    #expect(piped.output == "\u{1B}[1mdone\u{1B}[0m\n")
    let terminal = try ModelCommands.run(
      file, json: false, console: SummaryConsole(columns: 80, isTerminal: true))
    #expect(terminal.output == "\\x1b[1mdone\\x1b[0m\n")
  }

  /// Filters ConvBook does not follow leave a later warning to its refusal; an action Python does
  /// not know is its AssertionError.
  @Test func otherFiltersAreRefusedAtTheWarning() throws {
    let (always, _) = try Self.load(
      "import warnings\nwarnings.simplefilter(\"always\")\nwarnings.warn(\"x\")\n")
    #expect(always.diagnostics.first?.message.hasPrefix("ConvBook does not support") == true)
    let (invalid, _) = try Self.load("import warnings\nwarnings.filterwarnings(\"hide\")\n")
    #expect(invalid.scriptError?.type == "AssertionError")
    #expect(invalid.scriptError?.message == "invalid action: 'hide'")
  }
}
