import ConvBookCore
import Foundation
import LessonKit
import LessonRender
import Testing

@Suite struct LessonRunnerScopeTests {
  static let lesson = """
    # Scope

    ```keras
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(4, 3), layers.Flatten()])
    ```

    ```figure
    trace(model)
    ```

    ```figure
    trace(no_such_model)
    ```
    """

  @Test func defaultRunnerRendersFigures() {
    let run = LessonRunner().run(
      LessonReader.read(source: Self.lesson, fileName: "scope.md"), sourceFile: "scope.md")
    var figureHTML: [String] = []
    for block in run.blocks {
      if case .figure(let figure) = block { figureHTML.append(FigureRenderer.html(figure)) }
    }
    #expect(figureHTML.count == 2)
    #expect(figureHTML.first?.contains("<svg") == true)
    // The broken figure is reported, not skipped.
    #expect(run.diagnostics.count == 1)
    #expect(!run.diagnostics.contains { $0.message.contains("does not include") })
  }

  @Test func modelCommandsRunOnlyTheCells() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-scope-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("scope.md")
    try Self.lesson.write(to: file, atomically: true, encoding: .utf8)
    let loaded = try ModelFile.load(path: file.path)
    // The broken figure is not computed, so it reports nothing; the model is there.
    #expect(loaded.diagnostics.isEmpty)
    #expect(loaded.models(named: "model").count == 1)
  }
}
