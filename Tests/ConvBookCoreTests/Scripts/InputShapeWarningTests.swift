import ConvBookCore
import Foundation
import LessonKit
import LessonRender
import Testing

/// Keras 3's `input_shape=` UserWarning: `convbook run` prints it on standard error as Python
/// does (Keras' file and line, then the source line), the other commands at the script's line, and
/// a lesson page shows it with the cell's output as a notebook shows standard error, never inside
/// the summary.
@Suite struct InputShapeWarningTests {
  static let script = """
    import keras
    from keras import layers
    model = keras.Sequential([layers.Conv2D(4, 3, input_shape=(8, 8, 1)), layers.Flatten(), layers.Dense(2, input_shape=(5,))])
    model.summary()
    """

  /// What Keras 3.15.1 printed for this script (`Tests/Fixtures/keras3/input_shape_warnings.tsv`).
  static let pythonText = """
    keras/src/layers/convolutional/base_conv.py:113: UserWarning: Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential models, prefer using an `Input(shape)` object as the first layer in the model instead.
      super().__init__(activity_regularizer=activity_regularizer, **kwargs)
    keras/src/layers/core/dense.py:107: UserWarning: Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential models, prefer using an `Input(shape)` object as the first layer in the model instead.
      super().__init__(activity_regularizer=activity_regularizer, **kwargs)

    """

  @Test func scriptsKeepBothForms() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-warn-\(UUID().uuidString).py")
    try Self.script.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try ModelFile.load(path: url.path)
    #expect(file.pythonWarnings.joined() == Self.pythonText)
    #expect(file.warnings.count == 2 && file.warnings[0].hasPrefix("\(url.path):3: UserWarning: "))
    #expect(file.outputs.count == 1)
  }

  @Test func pagesShowTheWarningAsTheCellsStandardError() throws {
    let source = "# W\n\n```keras\n\(Self.script)\n```\n"
    let lesson = LessonReader.read(source: source, fileName: "w.md")
    let run = LessonRunner().run(lesson, sourceFile: "w.md")
    #expect(run.diagnostics.isEmpty)
    let html = PageRenderer().render(
      LessonPage(title: "W", sourceFile: "w.md", pageFileName: "w.html", blocks: run.blocks))
    let stderr = try #require(html.range(of: "<pre class=\"output-stderr\""))
    let summary = try #require(html.range(of: "<pre class=\"output-summary\""))
    #expect(stderr.lowerBound < summary.lowerBound)
    #expect(
      html.contains(
        "keras/src/layers/core/dense.py:107: UserWarning: Do not pass an `input_shape`/`input_dim`")
    )
    let summaryEnd = try #require(html[summary.lowerBound...].range(of: "</pre>"))
    #expect(!html[summary.lowerBound..<summaryEnd.lowerBound].contains("UserWarning"))
  }

  @Test(
    .enabled(if: CheckCommandLineTests.executable != nil, "the convbook executable is not built"))
  func runPrintsItAsPythonDoes() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-warn-\(UUID().uuidString).py")
    try Self.script.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let run = try CheckCommandLineTests.run(["run", url.path])
    #expect(run.status == 0)
    #expect(run.errors == Self.pythonText)
    #expect(run.output.hasPrefix("Model: \"sequential\"") && !run.output.contains("UserWarning"))
    let summary = try CheckCommandLineTests.run(["summary", url.path])
    #expect(summary.errors.hasPrefix("\(url.path):3: UserWarning: Do not pass"))
    #expect(try CheckCommandLineTests.run(["run", url.path, "--keras", "2"]).errors.isEmpty)
  }
}
