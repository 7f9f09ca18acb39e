import CNNEngine
import Foundation
import KerasCells
import Testing

/// Training in cells: the scripts of Tests/Fixtures/training-cells run as one cell each and print
/// what tf-keras printed (recorded by Tools/keras-reference/make_training_cell_fixtures.py, timings
/// removed), numbers within 1e-3 relative (2e-4 absolute for values near zero).
@Suite struct TrainingCellTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/training-cells")

  static let names = [
    "sgd_pooling_head", "adam_flatten_head", "rmsprop_regression", "graph_two_inputs_two_outputs",
    "callbacks_early_stopping", "callbacks_learning_rate", "lambda_contrastive_loss",
    "trainstep_trainer_loop", "trainstep_gan", "trainstep_softmax_mse", "trainstep_compiled_loss",
    "trainstep_conv_gan", "trainstep_vae", "trainstep_cgan", "fnloss_script_functions",
    "train_metric_names", "train_model_add_loss",
    "train_output_losses", "merge_ranks", "rnn_zero_output_for_mask", "lambda_several_outputs",
  ]

  /// A lesson folder in memory, for the files callbacks write.
  final class MemoryFolder: @unchecked Sendable {
    var files: [String: [UInt8]] = [:]
    var cellFiles: CellFiles {
      CellFiles(
        read: { name in
          guard let bytes = self.files[name] else {
            throw CocoaError(.fileReadNoSuchFile)
          }
          return bytes
        },
        write: { self.files[$0] = $1 }, kerasDataset: { _ in nil })
    }
  }

  /// A line's text with every number replaced by `#`, and the numbers.
  static func split(_ line: String) -> (String, [Double]) {
    let pattern = try! NSRegularExpression(pattern: #"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"#)
    var skeleton = ""
    var numbers: [Double] = []
    var last = line.startIndex
    for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
      let range = Range(match.range, in: line)!
      skeleton += line[last..<range.lowerBound] + "#"
      numbers.append(Double(line[range])!)
      last = range.upperBound
    }
    skeleton += line[last...]
    return (skeleton, numbers)
  }

  @Test(arguments: names) func printsWhatTFKerasPrinted(_ name: String) throws {
    let source = try String(
      contentsOf: Self.folder.appendingPathComponent(name + ".py"), encoding: .utf8)
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
    let session = KerasSession(kerasVersion: .keras2)
    let folder = MemoryFolder()
    session.training.files = folder.cellFiles
    let result = session.run(source)
    #expect(result.error == nil, "\(String(describing: result.error))")
    Self.compare(result.printed(footer: .modern), expected)
  }

  /// Keras 3.15.1's runs (`make_training_cell_fixtures.py --keras3`): what they print, and the
  /// files their callbacks wrote (names and CSV rows). Keras 3 writes weights only to
  /// `.weights.h5`, ConvBook to `.npz`: the scripts and the recorded text have the one suffix
  /// swapped for the other before they are compared, nothing else.
  static let keras3Folder = folder.deletingLastPathComponent()
    .appendingPathComponent("keras3/training-cells")
  static let keras3Names = [
    "early_stopping", "learning_rate", "lambda_contrastive_loss", "two_outputs", "activations",
    "embedding", "rnntrain_text_rnn", "trainstep_trainer_loop", "trainstep_gan",
    "trainstep_compute_loss", "trainstep_vae", "fnloss_script_functions",
    "fnloss_ops_arange_positions", "train_metric_names", "train_output_losses", "merge_ranks",
    "rnn_zero_output_for_mask", "lambda_several_outputs",
  ]

  @Test(arguments: keras3Names) func printsWhatKeras3Printed(_ name: String) throws {
    func read(_ suffix: String) throws -> String {
      try String(
        contentsOf: Self.keras3Folder.appendingPathComponent(name + suffix), encoding: .utf8
      ).replacingOccurrences(of: ".weights.h5", with: ".npz")
    }
    let session = KerasSession(kerasVersion: .keras3)
    let folder = MemoryFolder()
    session.training.files = folder.cellFiles
    let result = session.run(try read(".py"))
    #expect(result.error == nil, "\(String(describing: result.error))")
    Self.compare(result.printed(footer: .modern), try read(".txt"))
    struct Files: Decodable {
      var files: [String]
      var texts: [String: String]
    }
    let files = try JSONDecoder().decode(Files.self, from: Data(try read(".files.json").utf8))
    #expect(folder.files.keys.sorted() == files.files)
    for (file, text) in files.texts {
      Self.compare(String(decoding: folder.files[file] ?? [], as: UTF8.self), text)
    }
  }

  /// ModelCheckpoint's file name patterns: Keras' `filepath.format(epoch=epoch + 1, **logs)`,
  /// still inside the lesson folder; a key the logs lack is Keras' KeyError.
  @Test func checkpointPatternsFormatTheEpochAndTheLogs() {
    let session = KerasSession(kerasVersion: .keras2)
    let folder = MemoryFolder()
    session.training.files = folder.cellFiles
    session.run(Self.data)
    let result = session.run(
      """
      model = keras.Sequential([keras.Input(shape=(12, 12)), layers.Flatten(), layers.Dense(4)])
      model.compile(optimizer="sgd", loss="mse")
      y = keras.utils.to_categorical(y_train, 4)
      every = keras.callbacks.ModelCheckpoint("ckpt/w-{epoch:02d}-{loss:.1f}.npz")
      model.fit(x_train / 255.0, y, epochs=2, verbose=0, callbacks=[every])
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(folder.files.keys.sorted().map { $0.prefix(11) } == ["ckpt/w-01-0", "ckpt/w-02-0"])
    let missing = session.run(
      """
      bad = keras.callbacks.ModelCheckpoint("w-{val_loss:.2f}.npz")
      model.fit(x_train / 255.0, y, epochs=1, verbose=0, callbacks=[bad])
      """)
    #expect(missing.error?.type == "KeyError")
    #expect(
      missing.error?.message
        == #"'Failed to format this callback filepath: "w-{val_loss:.2f}.npz". Reason: \'val_loss\''"#
    )
    let h5 = session.run(
      """
      h5 = keras.callbacks.ModelCheckpoint("w.weights.h5", save_weights_only=True)
      model.fit(x_train / 255.0, y, epochs=1, verbose=0, callbacks=[h5])
      """)
    #expect(h5.error?.message.contains("use a name ending in .npz") == true)
  }

  /// A layer in several models holds one set of values, as Keras' variables: training an
  /// autoencoder trains the encoder model that shares its layers, and the other way round.
  @Test func layersSharedBetweenModelsShareTheirWeights() {
    let cells = CellRunner()
    let result = cells.run(
      """
      import numpy as np
      from tensorflow import keras
      from tensorflow.keras import layers
      x = (np.arange(24).reshape(8, 3) - 12).astype("float32") / 12.0
      inp = keras.Input(shape=(3,))
      h = layers.Dense(2, name="enc")(inp)
      out = layers.Dense(3, name="dec")(h)
      auto = keras.Model(inp, out)
      enc = keras.Model(inp, h)
      before = enc.predict(x, verbose=0)
      auto.compile(optimizer="sgd", loss="mse")
      auto.fit(x, x, epochs=3, verbose=0)
      after = enc.predict(x, verbose=0)
      print(((after - before) * (after - before)).max() > 0)
      again = keras.Model(inp, out)
      d = again.predict(x, verbose=0) - auto.predict(x, verbose=0)
      print((d * d).max())
      trained = auto.predict(x, verbose=0)
      enc.compile(optimizer="sgd", loss="mse")
      enc.fit(x, np.ones((8, 2)), epochs=2, verbose=0)
      d = auto.predict(x, verbose=0) - trained
      print((d * d).max() > 0)
      d = auto.predict(x, verbose=0) - again.predict(x, verbose=0)
      print((d * d).max())
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(result.printed == "True\n0.0\nTrue\n0.0\n")
  }

  /// `fit` builds a Sequential model without an input shape on its data (the real text CNNs:
  /// `Embedding(n_words, d, input_length=...)` first, no `Input`), in both Kerases, and trains
  /// through the Embedding on int32 token ids.
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func fitBuildsAnUnbuiltTextCNN(_ version: KerasVersion) {
    let session = KerasSession(kerasVersion: version)
    let result = session.run(
      """
      import numpy as np
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential()
      model.add(layers.Embedding(50, 8, input_length=12))
      model.add(layers.Conv1D(4, 3, activation="relu"))
      model.add(layers.GlobalMaxPooling1D())
      model.add(layers.Dense(1, activation="sigmoid"))
      model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
      x = np.ones((16, 12), dtype="int32")
      y = np.arange(16) // 8
      history = model.fit(x, y, epochs=2, batch_size=8, verbose=0)
      print(len(history.history["loss"]), model.layers[0].get_weights()[0].shape)
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(result.printed(footer: .modern) == "2 (50, 8)\n")
  }

  /// Keras 3 decides `mode="auto"` from the model's metrics and refuses a name it cannot place.
  @Test func keras3AutoModeNeedsAKnownMetric() {
    let session = KerasSession(kerasVersion: .keras3)
    session.run(Self.data.replacingOccurrences(of: "from tensorflow ", with: ""))
    let result = session.run(
      """
      model = keras.Sequential([keras.Input(shape=(12, 12)), layers.Flatten(), layers.Dense(4)])
      model.compile(optimizer="sgd", loss="mse")
      y = keras.utils.to_categorical(y_train, 4)
      stop = keras.callbacks.EarlyStopping(monitor="val_mae")
      model.fit(x_train / 255.0, y, epochs=2, verbose=0, validation_split=0.5, callbacks=[stop])
      """)
    #expect(result.error?.type == "ValueError")
    #expect(
      result.error?.message.hasPrefix(
        "EarlyStopping callback received monitor=val_mae, but Keras isn't able to automatically determine"
      ) == true)
  }

  /// Line by line: the same text around the numbers, the numbers within 1e-3 relative (2e-4
  /// absolute near zero).
  static func compare(_ printed: String, _ expected: String) {
    let ours = printed.split(separator: "\n", omittingEmptySubsequences: false)
    let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(ours.count == theirs.count, "\(printed)")
    for (a, b) in zip(ours, theirs) {
      let (skeletonA, numbersA) = Self.split(String(a))
      let (skeletonB, numbersB) = Self.split(String(b))
      #expect(skeletonA == skeletonB, "\(a)\n\(b)")
      guard numbersA.count == numbersB.count else { continue }
      for (x, y) in zip(numbersA, numbersB) {
        #expect(abs(x - y) <= max(2e-4, 1e-3 * abs(y)), "\(a)\n\(b)")
      }
    }
  }

  /// Seeded: an unseeded model's losses are ConvBook's own draw, which fit refuses to print.
  static let data = """
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    from convbook.datasets import shapes
    keras.utils.set_random_seed(0)
    (x_train, y_train), (x_test, y_test) = shapes.load_data(n_train=40, n_test=10, size=12)

    """

  @Test func arraysBehaveAsNumPy() {
    let cells = CellRunner()
    cells.run(Self.data)
    let printed = cells.run(
      """
      print(x_train.shape, x_train.dtype, y_train.dtype, len(x_test))
      a = x_train[..., None]
      b = np.expand_dims(x_train, -1).astype("float32") / 255.0
      print(a.shape, a.dtype, b.shape, b.dtype, b.max() <= 1.0)
      print(x_train[:5].shape, x_train[0].shape, x_train[:, 2:5, ::2].shape, x_train[0, 0, 0] < 40)
      print(x_train.reshape(40, -1).shape, x_train.reshape((-1, 12, 12, 1)).shape)
      print(keras.utils.to_categorical(y_train[:3], 4).shape)
      print(np.argmax(keras.utils.to_categorical(np.array([2, 0, 3])), axis=1))
      print(np.array([[1, 2], [3, 4]]) * 2 + 1, np.array([1, 2]) == np.array([1, 3]))
      print(np.mean(np.array([1, 2, 3, 4]) > 2), np.roll(np.array([[1, 2, 3]]), 1, axis=1))
      print((x_train / 255.0).dtype, (x_train.astype("float32") / 255.0).dtype)
      print(np.array([1, 2, 3], dtype="uint8").sum(), x_train[y_train == 0].shape[1:])
      """)
    #expect(printed.error == nil, "\(String(describing: printed.error))")
    #expect(
      printed.printed == """
        (40, 12, 12) uint8 uint8 10
        (40, 12, 12, 1) uint8 (40, 12, 12, 1) float32 True
        (5, 12, 12) (12, 12) (40, 3, 6) True
        (40, 144) (40, 12, 12, 1)
        (3, 4)
        [2 0 3]
        [[3 5]
         [7 9]] [ True False]
        0.5 [[3 1 2]]
        float64 float32
        6 (12, 12)

        """)
  }

  @Test func refusalsAreHonest() {
    let cells = CellRunner()
    cells.run(Self.data)
    // uint8 values wrap around as NumPy's do; an int64 beyond 2**53 is refused (ConvBook's
    // limitation: NumPy holds it exactly).
    #expect(cells.run("z = x_train * 2").error == nil)
    #expect(
      cells.run("z = x_train.astype('int64') * 2**50").error?.message.contains("2**53") == true)
    #expect(cells.run("z = x_train[0, 0, 0, 0]").error?.type == "IndexError")
    #expect(
      cells.run("z = x_train.reshape(7, 3)").error?.message
        == "cannot reshape array of size 5760 into shape (7,3)")
    cells.run(
      """
      model = keras.Sequential([keras.Input(shape=(12, 12)), layers.Flatten(), layers.Dense(4)])
      """)
    #expect(cells.run("model.fit(x_train, y_train)").error?.type == "RuntimeError")
    cells.run(#"model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")"#)
    #expect(
      cells.run(#"model.save_weights("/tmp/w.npz")"#).error?.message.contains(
        "lesson's folder only") == true)
    #expect(
      cells.run(#"model.save_weights("../w.npz")"#).error?.message.contains("leaves it") == true)
    #expect(cells.run(#"model.save_weights("w.npz")"#).error?.message.contains("no") == true)
    #expect(
      cells.run("(a, b), _ = keras.datasets.mnist.load_data()").error?.message.contains(
        "~/.keras/datasets/mnist.npz") == true)
    // Float arrays print as NumPy prints them (summarized above 1000 values).
    #expect(cells.run("print(x_train / 255.0)").printed.hasPrefix("[[[0."))
  }

  @Test func validationDataOverridesValidationSplit() {
    let cells = CellRunner()
    cells.run(Self.data)
    let result = cells.run(
      """
      model = keras.Sequential([keras.Input(shape=(12, 12)), layers.Flatten(), layers.Dense(4)])
      model.compile(optimizer="sgd", loss="mse")
      y = keras.utils.to_categorical(y_train, 4)
      h = model.fit(x_train / 255.0, y, batch_size=10, validation_split=0.5,
                    validation_data=(x_test / 255.0, keras.utils.to_categorical(y_test, 4)), verbose=2)
      print(list(h.history.keys()))
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    // All 40 samples train (4 steps of 10): the split is ignored, as Keras ignores it.
    // One epoch: Keras' ProgbarLogger prints no "Epoch 1/1" line.
    #expect(result.printed.hasPrefix("4/4 - loss: "))
    #expect(result.printed.hasSuffix("['loss', 'val_loss']\n"))
  }

  @Test func keras3PrintsItsOwnLinesAndKeyOrder() {
    let session = KerasSession(kerasVersion: .keras3)
    session.run(Self.data)
    let result = session.run(
      """
      x = x_train[..., None].astype("float32") / 255.0
      model = keras.Sequential([
          keras.Input(shape=(12, 12, 1)),
          layers.Conv2D(4, 3, activation="relu"),
          layers.GlobalAveragePooling2D(),
          layers.Dense(4, activation="softmax"),
      ])
      model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
      history = model.fit(x, y_train, epochs=1, batch_size=16, validation_split=0.25)
      print(list(history.history.keys()))
      model.evaluate(x, y_train, verbose=2)
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    let lines = result.printed(footer: .modern).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("2/2 \u{2501}\u{2501}"))
    #expect(lines[0].contains(" - accuracy: ") && lines[0].contains(" - val_loss: "))
    #expect(lines[1] == "['accuracy', 'loss', 'val_accuracy', 'val_loss']")
    #expect(lines[2].hasPrefix("2/2 - accuracy: "))
  }

  @Test func trainingIsDeterministicAndPrintsKerasLines() {
    func run() -> String {
      let cells = CellRunner()
      cells.run(Self.data)
      return cells.run(
        """
        x = x_train[..., None].astype("float32") / 255.0
        model = keras.Sequential([
            keras.Input(shape=(12, 12, 1)),
            layers.Conv2D(4, 3, activation="relu"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(4, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        history = model.fit(x, y_train, epochs=2, batch_size=16, validation_split=0.25)
        print(sorted(history.history.keys()), len(history.history["loss"]), history.epoch)
        """
      ).printed
    }
    let first = run()
    #expect(first == run())
    let lines = first.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0] == "Epoch 1/2")
    #expect(lines[1].hasPrefix("2/2 [==============================] - loss: "))
    #expect(lines[1].contains(" - val_accuracy: "))
    #expect(lines[4] == "['accuracy', 'loss', 'val_accuracy', 'val_loss'] 2 [0, 1]")
  }
}

@Suite("Training functional graphs in cells: refusals")
struct GraphTrainingRefusalTests {
  @Test func lambdaLayersAndMisshapenTargetsAreRefusedClearly() {
    let cells = CellRunner()
    cells.run(
      """
      import numpy as np
      import tensorflow as tf
      from tensorflow import keras
      from tensorflow.keras import layers
      x = np.ones((4, 3), dtype="float32")
      inputs = keras.Input(shape=(3,))
      outputs = layers.Dense(2)(layers.Lambda(lambda t: tf.nn.gelu(t * 2.0))(inputs))
      model = keras.Model(inputs, outputs)
      model.compile(optimizer="sgd", loss="mse")
      """)
    // GELU and matmul train (TensorFlow's gradients; fixtures in KerasTrainingFixtureTests).
    #expect(cells.run("model.fit(x, np.zeros((4, 2)), verbose=0)").error == nil)
    cells.run(
      """
      rows = layers.Reshape((3, 1))(inputs)
      outputs = layers.Dense(2)(tf.linalg.matmul(rows, rows, transpose_b=True))
      model = keras.Model(inputs, outputs)
      model.compile(optimizer="sgd", loss="mse")
      """)
    #expect(cells.run("model.fit(x, np.zeros((4, 3, 2)), verbose=0)").error == nil)
    // tf-keras' error comes from TensorFlow's graph (node names): ConvBook's limitation.
    #expect(
      cells.run("model.fit(x, np.zeros((4, 2, 2)), verbose=0)").error?.message
        == "ConvBook does not support targets of shape (4, 2, 2) for outputs of shape (4, 3, 2) yet (Keras' error or broadcast comes from TensorFlow's graph)"
    )
    // A loss defined in the cell trains when it is made of tensor functions (GELU included);
    // otherwise its refusal says why.
    cells.run(
      """
      def odd_loss(y_true, y_pred):
          return tf.nn.gelu(y_true - y_pred)
      model = keras.Model(inputs, layers.Dense(2)(inputs))
      model.compile(optimizer="sgd", loss=odd_loss)
      """)
    #expect(cells.run("model.fit(x, np.zeros((4, 2)), verbose=0)").error == nil)
    cells.run(
      """
      def opaque_loss(y_true, y_pred):
          return len(y_pred)
      model.compile(optimizer="sgd", loss=opaque_loss)
      """)
    #expect(
      cells.run("model.fit(x, np.zeros((4, 2)), verbose=0)").error?.message.hasPrefix(
        "ConvBook cannot train with the loss opaque_loss yet: ") == true)
    cells.run(
      """
      inputs = keras.Input(shape=(3,))
      first = layers.Dense(2, name="first")(inputs)
      second = layers.Dense(1, name="second")(inputs)
      two = keras.Model(inputs, [first, second])
      two.compile(optimizer="sgd", loss=["mse", "mae", "mse"])
      """)
    #expect(
      cells.run("two.fit(x, [np.zeros((4, 2)), np.zeros((4, 1))])").error?.message.hasPrefix(
        "ConvBook does not support loss= as a list of 3 entries for a model of 2 outputs yet")
        == true)
    cells.run(#"two.compile(optimizer="sgd", loss={"first": "mse", "third": "mae"})"#)
    #expect(
      cells.run("two.fit(x, [np.zeros((4, 2)), np.zeros((4, 1))])").error?.message.hasPrefix(
        "Found unexpected losses or metrics that do not correspond to any Model output") == true)
    cells.run(#"two.compile(optimizer="sgd", loss="mse")"#)
    // Keras' own error there depends on its version (tf-keras raises it in its traced function).
    let single = cells.run("two.fit(x, np.zeros((4, 2)))").error
    #expect(single?.type == nil)
    #expect(single?.message.hasPrefix("ConvBook does not reproduce Keras' error") == true)
    #expect(
      cells.run(#"two.fit(x, {"first": np.zeros((4, 2))})"#).error?.type == "KeyError")
    #expect(cells.run("two.fit(x, [np.zeros((4, 2)), np.zeros((4, 1))], verbose=0)").error == nil)
  }
}
