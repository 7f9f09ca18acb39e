import CNNEngine
import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import LessonRender
import Testing

/// Which Keras a lesson, a script and a command get: `--keras`, the lesson's `keras=` option, the
/// course, else Keras 3; and that pages, names and `--json` follow it.
@Suite struct KerasVersionTests {
  static func lesson(_ options: String) -> Lesson {
    let source = """
      # Versions

      ```keras \(options)
      from tensorflow import keras
      x = keras.Input(shape=(4,))
      model = keras.Sequential([x, keras.layers.Dense(2)])
      model.summary()
      ```
      """
    return LessonReader.read(source: source, fileName: "versions.md")
  }

  static func summaryText(_ run: LessonRunner.Run) -> String {
    for block in run.blocks {
      if case .cell(let cell) = block, case .summary(let summary)? = cell.outputs.first {
        return cell.summaryFormat.render(summary)
      }
    }
    return ""
  }

  @Test func lessonsThatSayNothingGetKeras3() {
    let run = LessonRunner().run(Self.lesson(""), sourceFile: "versions.md")
    #expect(run.session.kerasVersion == .keras3)
    #expect(run.diagnostics.isEmpty)
    #expect(Self.summaryText(run).hasPrefix("Model: \"sequential\"\n┏"))
    #expect(run.session.definedModels.first?.model.inputLayer?.name == "input_layer")
  }

  @Test func aCellOptionSetsTheLessonsVersion() {
    let run = LessonRunner().run(Self.lesson("keras=2"), sourceFile: "versions.md")
    #expect(run.session.kerasVersion == .keras2)
    #expect(Self.summaryText(run).hasPrefix("Model: \"sequential\"\n____"))
    #expect(run.session.definedModels.first?.model.inputLayer?.name == "input_1")
  }

  @Test func theCommandLineOverridesTheLessonAndTheCourseComesLast() {
    let forced = LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras3))
    #expect(forced.run(Self.lesson("keras=2"), sourceFile: "v.md").session.kerasVersion == .keras3)
    let course = LessonRunner(kerasVersion: KerasVersionSetting(course: .keras2))
    #expect(course.run(Self.lesson(""), sourceFile: "v.md").session.kerasVersion == .keras2)
    #expect(course.run(Self.lesson("keras=3"), sourceFile: "v.md").session.kerasVersion == .keras3)
  }

  /// Every word after `keras` is checked (hostile batch8): a mistyped `solution` would put a
  /// solution model on the page, a mistyped `hide-code` would show the code.
  @Test func unknownCellOptionsAreReportedAtTheFence() {
    func messages(_ options: String) -> [String] {
      LessonRunner().run(Self.lesson(options), sourceFile: "versions.md").diagnostics.map {
        "\($0.line):\($0.column): \($0.message)"
      }
    }
    let known =
      "a keras cell takes hide-code, hide-output, solution, keras=2|3 and footer=classic|modern"
    #expect(messages("hide-code hide-output solution keras=2 footer=classic").isEmpty)
    #expect(
      messages("soluton") == [
        "3:1: unknown cell option 'soluton' (did you mean 'solution'?); \(known)"
      ])
    #expect(
      messages("hidecode") == [
        "3:1: unknown cell option 'hidecode' (did you mean 'hide-code'?); \(known)"
      ])
    #expect(messages("run-twice") == ["3:1: unknown cell option 'run-twice'; \(known)"])
    #expect(messages("id=conv") == ["3:1: unknown cell setting 'id='; \(known)"])
    #expect(
      messages("footer=fancy") == [
        "3:1: footer=fancy: the summary footer must be classic or modern"
      ])
    #expect(messages("keras=2 keras=3") == ["3:1: keras=2 and keras=3 in one cell: give one"])
  }

  @Test func aVersionThatIsNoVersionIsReported() {
    let run = LessonRunner().run(Self.lesson("keras=4"), sourceFile: "versions.md")
    #expect(run.diagnostics.map(\.message) == ["keras=4: the Keras version must be 2 or 3"])
    #expect(run.session.kerasVersion == .keras3)
  }

  @Test func summaryJSONSaysWhichKeras() {
    let session = KerasSession(kerasVersion: .keras2)
    session.run(
      "import keras\nm = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])")
    let json = SummaryReport.json(session.definedModels, diagnostics: [], kerasVersion: .keras2)
    #expect(json.serialized(pretty: false).hasPrefix("{\"keras_version\": 2, "))
  }

  @Test func anUnbuiltModelIsListedInKeras3AndRefusedInKeras2() {
    let source = "import keras\nm = keras.Sequential([keras.layers.Dense(1)])"
    let keras3 = KerasSession(kerasVersion: .keras3)
    keras3.run(source)
    let text = SummaryReport.text(keras3.definedModels, format: .keras3()).text
    #expect(
      text.contains("│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"))
    #expect(
      text.hasSuffix(
        " Total params: 0 (0.00 B)\n Trainable params: 0 (0.00 B)\n Non-trainable params: 0 (0.00 B)\n"
      ))
    let keras2 = KerasSession(kerasVersion: .keras2)
    keras2.run(source)
    #expect(SummaryReport.text(keras2.definedModels, format: .keras2()).errors.count == 1)
  }

  @Test func theCourseFileSetsTheVersionOfItsLessonsForSummaryAndVerify() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-keras-course-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "keras: 2\n".write(
      to: folder.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
    let lesson = folder.appendingPathComponent("lesson.md").path
    try "# A lesson\n".write(toFile: lesson, atomically: true, encoding: .utf8)
    let script = folder.appendingPathComponent("model.py").path
    try "import keras\n".write(toFile: script, atomically: true, encoding: .utf8)
    #expect(KerasVersionSetting().withCourse(of: lesson).resolve(lesson: nil) == .keras2)
    #expect(KerasVersionSetting().withCourse(of: folder.path).resolve(lesson: nil) == .keras2)
    #expect(KerasVersionSetting().withCourse(of: script).resolve(lesson: nil) == .keras3)
    #expect(
      KerasVersionSetting(commandLine: .keras3).withCourse(of: lesson).resolve(lesson: nil)
        == .keras3)
    #expect(KerasVersionSetting().withCourse(of: lesson).resolve(lesson: .keras3) == .keras3)
  }

  @Test func theModelCommandsJSONSaysWhichKeras() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-keras-json-\(UUID().uuidString).py"
    ).path
    try """
    import keras
    a = keras.Sequential([keras.Input(shape=(8, 8, 1)), keras.layers.Conv2D(2, 3), keras.layers.Flatten()])
    b = keras.Sequential([keras.Input(shape=(8, 8, 1)), keras.layers.Flatten()])

    """.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    for version in [KerasVersion.keras2, .keras3] {
      let loaded = try ModelFile.load(
        path: path, runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: version)))
      let field = "\"keras_version\": \(version.rawValue)"
      let outputs = [
        try ModelCommands.trace(loaded, model: nil, json: true, statistics: false).output,
        try ModelCommands.adjacency(loaded, model: nil, json: true).output,
        try ModelCommands.compare(loaded, models: [], json: true).output,
        try ModelCommands.scaling(loaded, models: [], sizes: [8, 16], json: true).output,
      ]
      for output in outputs { #expect(output.contains(field), "\(output.prefix(80))") }
    }
  }
}
