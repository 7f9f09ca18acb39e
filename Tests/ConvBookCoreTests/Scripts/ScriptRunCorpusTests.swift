import CNNEngine
import ConvBookCore
import Foundation
import KerasCells
import Testing

/// `convbook run` against what `python FILE.py` printed with tf-keras for each script of
/// `Tests/Fixtures/scripts/` (recorded by `Tools/keras-reference/make_script_fixtures.py`):
/// standard output byte for byte, and for a script that failed, exit 1 and the traceback: every
/// frame of the script's own (Keras' and TensorFlow's frames are left out when recording), with
/// its source line and carets, and the exception's line.
@Suite struct ScriptRunCorpusTests {
  struct Expected: Decodable {
    var stdout: String
    var exitCode: Int
    var error: String?
    var traceback: String?
    /// Whose kernels TensorFlow ran when the script was recorded (`TensorFlowEngine`); recordings
    /// without it were made where TensorFlow runs Eigen's.
    var engine: String?

    enum CodingKeys: String, CodingKey {
      case stdout, error, traceback, engine
      case exitCode = "exit_code"
    }
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
    try Self.checkUnlessKnown(
      script, version: .keras2, folder: "expected", known: Self.knownDifferences[script])
  }

  /// The same scripts with Keras 3 (`make_script_fixtures.py --keras3`), printed to a pipe as the
  /// recording did: rich's 80 columns, no styles.
  @Test(arguments: scripts)
  func printsWhatPythonPrintsWithKeras3(_ script: String) throws {
    try Self.checkUnlessKnown(
      script, version: .keras3, folder: "expected-keras3",
      known: Self.knownDifferences[script] ?? Self.knownKeras3Differences[script])
  }

  /// Scripts that ConvBook does not run as Python does yet, and why (in both Keras versions). They
  /// still run, as known issues: one that starts to match fails the test, so that this list stays
  /// true.
  static let knownDifferences: [String: String] = [:]

  /// Scripts that differ in Keras 3 only.
  static let knownKeras3Differences: [String: String] = [
    "820-legacy-layer-in-graph.py":
      "ConvBook refuses `tensorflow.python.keras` under Keras 3, where the copy's layer checks its input_spec on Keras 3's tuple shapes (AttributeError: 'tuple' object has no attribute 'rank')"
  ]

  static func checkUnlessKnown(
    _ script: String, version: KerasVersion, folder: String, known: String?
  ) throws {
    if let reason = known {
      withKnownIssue(Comment(rawValue: reason)) {
        try check(script, version: version, folder: folder)
      }
    } else {
      try check(script, version: version, folder: folder)
    }
  }

  static func check(_ script: String, version: KerasVersion, folder name: String) throws {
    let expectedURL = Self.folder.appendingPathComponent(
      name + "/" + script.dropLast(3) + ".json")
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: expectedURL))
    // Replayed on the kernels it was recorded with, whatever this machine's TensorFlow would run.
    var runner = LessonRunner(kerasVersion: KerasVersionSetting(commandLine: version))
    runner.engine = try #require(TensorFlowEngine(rawValue: expected.engine ?? "eigen"))
    let loaded = try ModelFile.load(
      path: Self.folder.appendingPathComponent(script).path, runner: runner)
    let report = try ModelCommands.run(loaded, json: false, console: .notATerminal)
    #expect(report.output == expected.stdout)
    #expect(report.failed == (expected.exitCode != 0))
    // The status itself: 1 for an uncaught exception, `sys.exit(status)`'s otherwise.
    #expect(Int(report.exitCode ?? (report.failed ? 1 : 0)) == expected.exitCode)
    // The recording's last line of standard error, after `rstrip("\n")` (a message may end in a
    // newline of its own, as Keras 3's KerasTensor refusal does; `sys.exit("message")` writes the
    // message alone). Python names the file as the command line did (`python NAME.py` in the
    // scripts folder), in a message too.
    let lastLine = (report.errorText ?? (report.failed ? report.standardError : nil)).map { text in
      var trimmed = Substring(text.replacingOccurrences(of: Self.folder.path + "/", with: ""))
      while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
      return String(trimmed.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }
    #expect(lastLine == expected.error)
    // ConvBook's hint line comes before the traceback; the rest is Python's.
    let traceback = report.errorText.map { text in
      text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("convbook: hint:") }.joined(separator: "\n")
        // Python names the file as the command line did: `python NAME.py` in the scripts folder.
        .replacingOccurrences(of: Self.folder.path + "/", with: "")
    }
    if knownTracebackDifferences[script] == nil {
      #expect(traceback == expected.traceback)
    }
  }

  /// Scripts whose traceback ConvBook does not print as Python does yet, and why.
  static let knownTracebackDifferences: [String: String] = [
    "709-optimizer-apply.py": autographPath,
    "726-loss-factory-passed-uncalled.py": autographPath,
    "792-loss-arity-after-epoch-line.py": autographPath,
    "1204-predict-wrong-feature-count.py": autographPath,
    "1205-fit-evaluate-wrong-feature-count.py": autographPath,
    "1233-keras3-fit-sequential-wrong-width.py": autographPath,
    "1234-keras3-evaluate-functional-wrong-width.py": autographPath,
    "1235-keras3-validation-data-wrong-width.py": autographPath,
    "1236-keras3-predict-sequential-other-rank.py": autographPath,
    "1237-keras3-fit-sequential-other-rank.py": autographPath,
    "1238-keras3-predict-one-image-without-batch.py": autographPath,
    "1239-compile-drops-traced-predict-step.py": autographPath,
    "1274-keras3-tf-function-error-in-model-call.py": keras3AutographPath,
    "1308-tf-keras-two-metrics-one-name.py": autographPath,
  ]

  static let autographPath =
    "tf-keras' AutoGraph text names Keras' training.py by the machine's site-packages folder; ConvBook names it below site-packages"

  static let keras3AutographPath =
    "Keras 3's AutoGraph text names Keras' traceback_utils.py by the machine's site-packages folder; ConvBook names it below site-packages"
}

/// `convbook summary --json` and `convbook run --json` of a script carry what it printed, and list
/// a model bound to two variables once.
@Suite struct ScriptJSONTests {
  @Test func summaryJSONHasThePrintedTextAndEachModelOnce() throws {
    let loaded = try ModelFile.load(
      path: ScriptRunCorpusTests.folder.appendingPathComponent("13-aliased-model.py").path,
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(loaded.models().map(\.variable) == ["model"])
    let report = try ModelCommands.summary(loaded, model: nil, json: true, footer: .modern)
    #expect(report.output.contains(#""output": "True 3\nModel: \"regressor\""#))
    let run = try ModelCommands.run(loaded, json: true)
    #expect(run.output.contains(#""output": "True 3\nModel: \"regressor\""#))
    #expect(!run.failed)
  }

  @Test func traceFollowsTheScriptsSeed() throws {
    let loaded = try ModelFile.load(
      path: ScriptRunCorpusTests.folder.appendingPathComponent("31-seeds.py").path,
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(loaded.session.randomSeed == 42)
    let trace = try ModelCommands.trace(loaded, model: nil, json: false, statistics: true)
    #expect(trace.output.contains("Keras' default initialisers (seed 42)"))
  }

  /// `keras.utils.set_random_seed` sets the same seed as `tf.random.set_seed` (script 38 seeds 1337
  /// before its failing call).
  @Test func kerasUtilsSeedsLikeTensorFlow() throws {
    let loaded = try ModelFile.load(
      path: ScriptRunCorpusTests.folder.appendingPathComponent("38-set-random-seed.py").path,
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras2)))
    #expect(loaded.session.randomSeed == 1337)
  }

  @Test func runRefusesALesson() throws {
    let lesson = ScriptRunCorpusTests.folder.deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Lessons").path
    let first = try #require(
      try FileManager.default.contentsOfDirectory(atPath: lesson).filter { $0.hasSuffix(".md") }
        .sorted().first)
    let loaded = try ModelFile.load(path: lesson + "/" + first)
    #expect(throws: CommandError.self) { try ModelCommands.run(loaded, json: false) }
  }
}
