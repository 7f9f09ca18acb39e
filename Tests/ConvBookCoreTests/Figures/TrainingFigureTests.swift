import ConvBookCore
import LessonKit
import Testing

/// `history(...)` and `shift_test(...)` figure blocks after training in cells.
@Suite struct TrainingFigureTests {
  static let training = """
    ```keras
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    from convbook.datasets import shapes
    (x, y), (x_test, y_test) = shapes.load_data(n_train=48, n_test=16, size=10, seed=3)
    x = x[..., None].astype("float32") / 255.0
    x_test = x_test[..., None].astype("float32") / 255.0
    small = keras.Sequential([
        keras.Input(shape=(10, 10, 1)),
        layers.Conv2D(4, 3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(4, activation="softmax"),
    ], name="small")
    small.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    h = small.fit(x, y, epochs=3, batch_size=16, validation_split=0.25, verbose=0)
    ```

    """

  static func figures(_ body: String) -> [FigureViewSummary] {
    FigureLessons.figures(FigureLessons.run(training + body))
  }

  @Test func historyDrawsEveryEpochAndIsDeterministic() {
    let body = """
      ```figure
      history(h, labels=["small"], caption="Learning curves.")
      ```
      """
    let first = Self.figures(body)
    #expect(first.count == 1)
    #expect(first.first?.error == nil, "\(String(describing: first.first?.error))")
    #expect(first.first?.kind == "convbook-history")
    let html = first.first?.html ?? ""
    #expect(html.contains("Loss per epoch"))
    #expect(html.contains("small validation"))
    #expect(html.contains("<svg"))
    #expect(html.contains("Learning curves over 3 epochs."))
    #expect(Self.figures(body).first?.html == html)
  }

  @Test func shiftTestMeasuresEveryShift() {
    let first = Self.figures(
      """
      ```figure
      shift_test(small, x_test, y_test, shifts=[0, 2, 4])
      ```
      """
    ).first
    #expect(first?.error == nil, "\(String(describing: first?.error))")
    #expect(first?.kind == "convbook-shift-test")
    #expect(first?.html.contains("shift in pixels") == true)
    #expect(first?.html.contains("<th scope=\"row\">4</th>") == true)
  }

  @Test func wrongArgumentsAreErrorsAtTheArgument() {
    let figures = Self.figures(
      """
      ```figure
      history(small)
      ```

      ```figure
      shift_test(small, x_test)
      ```
      """)
    #expect(figures.count == 2)
    #expect(figures[0].error?.contains("what model.fit returned") == true)
    #expect(figures[1].error?.contains("x_test and y_test") == true)
  }
}
