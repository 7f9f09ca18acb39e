import ConvBookCore
import Foundation
import Testing

/// `convbook run` against what `python FILE.py` printed with tf-keras for each script of
/// `Tests/Fixtures/scripts/` (recorded by `Tools/keras-reference/make_script_fixtures.py`):
/// standard output byte for byte, and for a script that failed, exit 1 and the traceback's last line.
@Suite struct ScriptRunCorpusTests {
  struct Expected: Decodable {
    var stdout: String
    var exit_code: Int
    var error: String?
  }

  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/scripts")

  static let scripts: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted()
  }()

  @Test func corpusIsThere() {
    #expect(Self.scripts.count >= 20)
  }

  @Test(arguments: scripts)
  func printsWhatPythonPrints(_ script: String) throws {
    let expectedURL = Self.folder.appendingPathComponent(
      "expected/" + script.dropLast(3) + ".json")
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: expectedURL))
    let loaded = try ModelFile.load(
      path: Self.folder.appendingPathComponent(script).path,
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    let report = try ModelCommands.run(loaded, json: false)
    #expect(report.output == expected.stdout)
    #expect(report.failed == (expected.exit_code != 0))
    let lastLine = report.errorText.map { text in
      String(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last ?? "")
    }
    #expect(lastLine == expected.error)
  }
}
