import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import LessonRender

/// Lessons written inline for the figure tests, run with the figure evaluator plugged in.
enum FigureLessons {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let models = """
    ```keras
    from tensorflow import keras
    from tensorflow.keras import layers
    wide = keras.Sequential([
        keras.Input(shape=(60, 90, 3)),
        layers.Conv2D(8, 3),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(16),
    ], name="wide")
    nchw = keras.Sequential([
        keras.Input(shape=(3, 64, 48)),
        layers.Conv2D(16, 3, padding="same", data_format="channels_first"),
        layers.Flatten(),
        layers.Dense(5),
    ], name="nchw")
    pooled = keras.Sequential([
        keras.Input(shape=(32, 48, 3)),
        layers.Conv2D(8, 3),
        layers.GlobalAveragePooling2D(),
        layers.Dense(4),
    ], name="pooled")
    ```

    """

  static func run(_ body: String) -> LessonRunner.Run {
    let source = "# Figures\n\n" + models + body
    let lesson = LessonReader.read(source: source, fileName: "figures.md")
    return LessonRunner(
      kerasVersion: KerasVersionSetting(commandLine: .keras2), figureEvaluator: FigureEvaluator()
    ).run(lesson, sourceFile: "figures.md")
  }

  /// The figures of a run, in order.
  static func figures(_ run: LessonRunner.Run) -> [FigureViewSummary] {
    run.blocks.compactMap { block in
      if case .figure(let view) = block {
        return FigureViewSummary(
          kind: view.kind, html: FigureRenderer.html(view), error: view.error?.headline)
      }
      return nil
    }
  }

  /// A loaded `ModelFile` of the inline lesson, as the commands see it.
  static func modelFile(_ body: String = "") throws -> ModelFile {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-figures-\(UUID().uuidString).md")
    try ("# Figures\n\n" + models + body).write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return try ModelFile.load(
      path: url.path,
      runner: LessonRunner(
        kerasVersion: KerasVersionSetting(commandLine: .keras2), figureEvaluator: FigureEvaluator())
    )
  }
}

struct FigureViewSummary {
  var kind: String
  var html: String
  var error: String?
}
