import KerasCells
import Testing

/// The time budget bounds the engine's work inside one call too: `fit` and `evaluate` stop
/// between batches and between the calls of a batch, `predict` and a model call between layers
/// (`WorkBudget`), with the budget's message at the call's line; and a fit whose progress ConvBook
/// would refuse anyway is refused before it trains (real-BQ bq09, bq11: minutes of training, then
/// the refusal).
@Suite struct EngineBudgetTests {
  static let timeMessage = "ConvBook stopped this cell: it ran longer than the 1 s time budget"

  static func run(_ source: String) -> CellError? {
    let session = KerasSession(limits: EvaluationLimits(timeBudget: 1, memoryBudget: 64 << 20))
    return session.run(source).error
  }

  /// One epoch of a million batches: stopped between batches, not after the epoch.
  @Test func fitStopsBetweenBatches() {
    let error = Self.run(
      """
      import numpy as np
      import keras
      keras.utils.set_random_seed(1)
      model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
      model.compile(optimizer="sgd", loss="mse")
      x = np.zeros((1000000, 1))
      model.fit(x, x, batch_size=1, epochs=1, verbose=0)
      """)
    #expect(error?.type == nil)
    #expect(error?.message == Self.timeMessage)
    #expect(error?.range.start.line == 7)
  }

  @Test func evaluateStopsBetweenBatches() {
    let error = Self.run(
      """
      import numpy as np
      import keras
      keras.utils.set_random_seed(1)
      model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
      model.compile(optimizer="sgd", loss="mse")
      x = np.zeros((1000000, 1))
      model.evaluate(x, x, batch_size=1, verbose=0)
      """)
    #expect(error?.message == Self.timeMessage)
    #expect(error?.range.start.line == 7)
  }

  /// One batch through 300 calls of a shared Dense(1024) on 2,048 rows (about 1.3 TFLOP):
  /// stopped between the calls, in `predict` and in a call of the model.
  @Test(arguments: ["model.predict(x, batch_size=2048, verbose=0)", "model(x)"])
  func forwardPassStopsBetweenLayers(call: String) {
    let error = Self.run(
      """
      import numpy as np
      import keras
      keras.utils.set_random_seed(1)
      dense = keras.layers.Dense(1024)
      inputs = keras.Input((1024,))
      y = inputs
      for _ in range(300):
          y = dense(y)
      model = keras.Model(inputs, y)
      x = np.zeros((2048, 1024), dtype="float32")
      \(call)
      """)
    #expect(error?.message == Self.timeMessage)
    #expect(error?.range.start.line == 11)
  }

  /// An unseeded fit that shows its progress is refused at its first epoch whatever the batches
  /// give: before training (which would pass the budget many times over), with "Epoch 1/N" and
  /// what came before printed as Keras prints them.
  @Test func unseededFitWithProgressIsRefusedBeforeTraining() {
    let session = KerasSession(limits: EvaluationLimits(timeBudget: 1, memoryBudget: 64 << 20))
    let result = session.run(
      """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(64), keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      print("before")
      model.fit(np.zeros((20000, 64)), np.zeros((20000, 1)), batch_size=1, epochs=1000)
      """)
    #expect(result.printed() == "before\nEpoch 1/1000\n")
    #expect(result.error?.message.hasPrefix("printing fit's progress would show") == true)
    #expect(result.error?.range.start.line == 6)
  }

  /// The checks of the data that fit makes before training still come first (here ConvBook's
  /// own refusal of targets that do not fit the outputs).
  @Test func unseededFitChecksTheDataBeforeItsRefusal() {
    let error = Self.run(
      """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
      model.compile(optimizer="adam", loss="mse")
      model.fit(np.zeros((8, 4)), np.zeros((8, 5)), epochs=1000)
      """)
    #expect(
      error?.message.hasPrefix("ConvBook does not support targets of shape (8, 5) for outputs")
        == true)
  }

  /// With EarlyStopping and no progress, how many epochs run would follow ConvBook's own losses:
  /// refused before training too.
  @Test func unseededFitWithEarlyStoppingIsRefusedBeforeTraining() {
    let error = Self.run(
      """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(64), keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      stop = keras.callbacks.EarlyStopping(monitor="loss", patience=2)
      model.fit(np.zeros((20000, 64)), np.zeros((20000, 1)), batch_size=1, epochs=1000,
                verbose=0, callbacks=[stop])
      """)
    #expect(error?.message.hasPrefix("how many epochs EarlyStopping lets fit run") == true)
  }

  @Test func unseededEvaluateWithProgressIsRefusedBeforeEvaluating() {
    let error = Self.run(
      """
      import numpy as np
      import keras
      model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(64), keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      model.evaluate(np.zeros((20000, 64)), np.zeros((20000, 1)), batch_size=1)
      """)
    #expect(error?.message.hasPrefix("printing evaluate's progress would show") == true)
  }

  /// Training beyond the model memory budget is ConvBook's own refusal and says so (real-CK 05:
  /// a course's ResNet50 on 64x64 images at batch size 32 needed an estimated 2.37 GB).
  @Test func trainingBeyondTheModelMemoryBudgetIsConvBooksRefusal() {
    let session = KerasSession(
      limits: EvaluationLimits(timeBudget: 10, memoryBudget: 64 << 20, modelMemoryBudget: 4 << 20))
    let error = session.run(
      """
      import numpy as np
      import keras
      keras.utils.set_random_seed(1)
      model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Conv2D(64, 3),
                                keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(2)])
      model.compile(optimizer="adam", loss="mse")
      model.fit(np.zeros((32, 64, 64, 3)), np.zeros((32, 2)), batch_size=32, epochs=1, verbose=0)
      """
    ).error
    #expect(error?.message.contains("; ConvBook refused it before training.") == true)
    #expect(error?.range.start.line == 7)
  }
}
