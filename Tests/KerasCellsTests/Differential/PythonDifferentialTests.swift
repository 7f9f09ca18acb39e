import Foundation
import KerasCells
import Testing

/// Runs every case of `Tests/Fixtures/python/*.json` (recorded from CPython 3.11 by
/// `Tools/python-reference/make_fixtures.py`) as a cell and compares what it printed and the
/// exception it raised, in Python's words.
@Suite struct PythonDifferentialTests {
  struct Case: Decodable {
    var source: String
    var printed: String
    var error: String?
  }

  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/python")

  static func cases(_ name: String) throws -> [Case] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(name + ".json"))
    return try JSONDecoder().decode([Case].self, from: data)
  }

  static func check(_ name: String) throws {
    let cases = try cases(name)
    #expect(!cases.isEmpty)
    for testCase in cases {
      let result = KerasSession().run(testCase.source)
      let printed = result.printed(footer: .modern)
      let error = result.error.map { error in
        error.type != nil ? error.description : "ConvBook: \(error.message)"
      }
      #expect(
        printed == testCase.printed && error == testCase.error,
        """
        \(testCase.source)
        CPython:  \(testCase.printed.debugDescription) \(testCase.error ?? "")
        ConvBook: \(printed.debugDescription) \(error ?? "")
        """)
    }
  }

  @Test func numbers() throws { try Self.check("numbers") }
  @Test func functions() throws { try Self.check("functions") }
  @Test func containers() throws { try Self.check("containers") }
  @Test func sets() throws { try Self.check("sets") }
  @Test func standardLibrary() throws { try Self.check("stdlib") }
  @Test func numpyScalars() throws { try Self.check("numpy_scalars") }
  @Test func numpyArrays() throws { try Self.check("numpy_arrays") }
  @Test func language() throws { try Self.check("language") }
  @Test func random() throws { try Self.check("random") }
  @Test func packagingVersion() throws { try Self.check("packaging") }
  @Test func distutilsLooseVersion() throws { try Self.check("distutils") }
  @Test func builtinNamesAndCharacterFormat() throws { try Self.check("reala_builtins") }
  @Test func dataclasses() throws { try Self.check("dataclasses") }
  @Test func lazyIterators() throws { try Self.check("iterators") }
  @Test func generators() throws { try Self.check("generators") }
  @Test func typesModule() throws { try Self.check("realnext_types") }
  @Test func hostileEdges() throws { try Self.check("hardening") }
  @Test func numpyGenerator() throws { try Self.check("numpyh_generator") }
  @Test func numpyValues() throws { try Self.check("numpyh_values") }
}
