// libFuzzer harness: `convbook predict` and `convbook fit` (ConvBookCore's Prediction and
// Training) on tiny models, with fuzzed `.npy` / `.npz` files as their inputs and targets. The
// models cover the layer families with their own forward and backward passes (dense,
// convolution and pooling, recurrent, attention, embedding, Lambda, normalization, several inputs
// and outputs). A ForwardCommandError is fine; a crash, a hang or an allocation beyond the budget
// is not. Built and run by scripts/fuzz, never by `swift build`.
//
// Input layout: byte 0 picks the model (bits 0-2), predict or fit (bit 3) and whether the inputs
// (bit 4) and targets (bit 5) are read as `.npz` rather than `.npy`; for fit, bytes 1-2 (little
// endian) say where the inputs' file ends and the targets' begins, byte 3 the epochs (bit 0),
// batch size (bits 1-3), shuffling (bit 4) and a validation split (bits 5-6). The rest is the
// files' bytes.
import ConvBookCore
import Foundation

/// `CONVBOOK_FUZZ_VERBOSE=1 scripts/fuzz predict --replay FILE` prints what each input gave.
private let verbose = ProcessInfo.processInfo.environment["CONVBOOK_FUZZ_VERBOSE"] == "1"

private let header = """
  from tensorflow import keras
  from tensorflow.keras import layers

  """

/// The models, each compiled so that fit can train it.
private let sources: [String] = [
  """
  model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="relu"), layers.Dense(2)])
  model.compile(optimizer="adam", loss="mse")
  """,
  """
  model = keras.Sequential([
      keras.Input(shape=(6, 6, 2)), layers.Conv2D(2, 3, padding="same"), layers.MaxPooling2D(),
      layers.Flatten(), layers.Dense(2, activation="softmax")])
  model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
  """,
  """
  model = keras.Sequential([
      keras.Input(shape=(5, 3)), layers.LSTM(4, return_sequences=True), layers.GRU(2)])
  model.compile(optimizer="rmsprop", loss="mse")
  """,
  """
  x = keras.Input(shape=(4, 6))
  y = layers.MultiHeadAttention(num_heads=2, key_dim=3)(x, x)
  y = layers.GlobalAveragePooling1D()(y)
  model = keras.Model(x, layers.Dense(2)(y))
  model.compile(optimizer="adam", loss="mae")
  """,
  """
  a = keras.Input(shape=(3,), name="a")
  b = keras.Input(shape=(2,), name="b")
  h = layers.Concatenate()([a, b])
  model = keras.Model([a, b], [layers.Dense(2, name="out1")(h), layers.Dense(1, name="out2")(h)])
  model.compile(optimizer="adam", loss="mse")
  """,
  """
  model = keras.Sequential([
      keras.Input(shape=(5,)), layers.Embedding(10, 3), layers.Flatten(),
      layers.Dense(3, activation="softmax")])
  model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
  """,
  """
  model = keras.Sequential([
      keras.Input(shape=(4,)), layers.Lambda(lambda t: t * 2.0 + 1.0), layers.Dense(2)])
  model.compile(optimizer="adam", loss="mse")
  """,
  """
  model = keras.Sequential([
      keras.Input(shape=(2, 4)), layers.BatchNormalization(), layers.Dropout(0.5),
      layers.Bidirectional(layers.SimpleRNN(2)), layers.Dense(1, activation="sigmoid")])
  model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
  """,
]

/// A folder of this process' own for the models and the files of each input.
private let folder: String = {
  let path = NSTemporaryDirectory() + "convbook-fuzz-predict-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

/// Each model's file, loaded (run) once.
private let models: [ModelFile] = sources.enumerated().map { index, source in
  let path = "\(folder)/model\(index).py"
  try! (header + source + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  let file = try! ModelFile.load(path: path)
  precondition(file.diagnostics.isEmpty, "model \(index) has errors: \(file.diagnostics)")
  return file
}

/// Runs' memory budget: small, so that what passes the estimate stays far below libFuzzer's limit.
private let budget = 64 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPredict(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard bytes.count >= 4 else { return -1 }
  let flags = bytes[0]
  let model = models[Int(flags & 7) % models.count]
  let fit = flags & 8 != 0
  let x = "\(folder)/x." + (flags & 16 != 0 ? "npz" : "npy")
  let y = "\(folder)/y." + (flags & 32 != 0 ? "npz" : "npy")
  let out = "\(folder)/out.npz"
  for path in [x, y, out] { try? FileManager.default.removeItem(atPath: path) }
  let body = bytes[4...]
  let message: String
  if fit {
    let split = min(Int(bytes[1]) | Int(bytes[2]) << 8, body.count)
    FileManager.default.createFile(atPath: x, contents: Data(body.prefix(split)))
    FileManager.default.createFile(atPath: y, contents: Data(body.dropFirst(split)))
    let options = bytes[3]
    let training = Training(
      xPath: x, yPath: y, outputPath: out, epochs: 1 + Int(options & 1),
      batchSize: 1 + Int(options >> 1 & 7), shuffle: options & 16 != 0,
      validationSplit: [0, 0.25, 0.5, 0.9][Int(options >> 5 & 3)], memoryBudget: budget,
      threads: 1)
    do {
      let result = try training.run(model)
      message = "trained: \(result.json)"
    } catch {
      message = "error: \(error)"
    }
  } else {
    FileManager.default.createFile(atPath: x, contents: Data(body))
    let prediction = Prediction(inputPath: x, outputPath: out, memoryBudget: budget, threads: 1)
    do {
      let result = try prediction.run(model)
      message = "predicted: \(result.summary)"
    } catch {
      message = "error: \(error)"
    }
  }
  if verbose { print(message) }
  return 0
}
