import CNNEngine

/// `load_data()` of the data sets cells can load: ConvBook's procedural `shapes` (generated,
/// never downloaded) and Keras' MNIST when Keras' own cache holds it. ConvBook downloads nothing.
enum ShapesDatasetLoader {
  static let names: Set<String> = ["shapes"]

  static func load(
    path: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch path {
    case "convbook.datasets.shapes.load_data":
      return try shapes(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "keras.datasets.mnist.load_data":
      return try mnist(site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "\(path)() is not supported: ConvBook downloads no data; it reads keras.datasets.mnist from Keras' cache, and convbook.datasets.shapes makes its own images",
        at: site.range)
    }
  }

  /// `shapes.load_data(n_train=2000, n_test=500, size=28, seed=0, centred=True)`:
  /// `(x_train, y_train), (x_test, y_test)` as uint8 arrays, like `mnist.load_data()`.
  private static func shapes(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let order = ["n_train", "n_test", "size", "seed", "centred"]
    var settings: [String: Value] = [:]
    for (index, value) in positional.enumerated() {
      guard index < order.count else {
        throw CellError(
          type: "TypeError",
          message: "load_data() takes at most \(order.count) arguments (\(positional.count) given)",
          range: site.range)
      }
      settings[order[index]] = value
    }
    for (label, value) in keywords {
      guard order.contains(label) else {
        throw CellError(
          type: "TypeError", message: "load_data() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      settings[label] = value
    }
    func integer(_ name: String, _ fallback: Int, _ bounds: ClosedRange<Int>) throws(CellError)
      -> Int
    {
      guard let value = settings[name] else { return fallback }
      guard case .int(let number) = value, bounds.contains(number) else {
        throw CellError(
          type: "ValueError",
          message:
            "load_data(\(name)=...) must be an integer from \(bounds.lowerBound) to \(bounds.upperBound)",
          range: site.range)
      }
      return number
    }
    let train = try integer("n_train", 2000, 1...100_000)
    let test = try integer("n_test", 500, 1...100_000)
    let size = try integer("size", 28, 8...128)
    let seed = try integer("seed", 0, 0...Int.max)
    let centred = settings["centred"]?.isTruthy ?? true
    try interpreter.budget.allocate(
      count: (train + test) * (size * size + 1), size: 4, at: site.range)
    func part(_ count: Int, _ stream: String) -> Value {
      let (images, labels) = ShapesDataset.generate(
        count: count, size: size, seed: UInt64(seed), stream: stream, centred: centred)
      return .tuple([
        .array(NDArray(dtype: .uint8, shape: [count, size, size], scalars: images)),
        .array(NDArray(dtype: .uint8, shape: [count], scalars: labels)),
      ])
    }
    return .tuple([part(train, "train"), part(test, "test")])
  }

  /// `keras.datasets.mnist.load_data()` from `~/.keras/datasets/mnist.npz`.
  private static func mnist(site: CallSite, interpreter: Interpreter) throws(CellError) -> Value {
    guard let bytes = interpreter.session.training.files?.kerasDataset("mnist.npz") else {
      throw .unsupported(
        "ConvBook does not download data: keras.datasets.mnist.load_data() reads Keras' own cache, ~/.keras/datasets/mnist.npz, which is not there. Run `python -c \"import keras; keras.datasets.mnist.load_data()\"` once where Keras is installed, or use convbook.datasets.shapes, which needs no file",
        at: site.range)
    }
    try interpreter.budget.allocate(bytes: bytes.count * 4, at: site.range)
    let archive: NPZArchive
    do {
      archive = try NPZArchive(bytes: bytes)
    } catch {
      throw .unsupported(
        "cannot read ~/.keras/datasets/mnist.npz: \(error.message). Keras saves it compressed; ConvBook reads uncompressed .npz only, so store it uncompressed once (Keras still reads it): python -c \"import numpy as np, os; p = os.path.expanduser('~/.keras/datasets/mnist.npz'); d = dict(np.load(p)); np.savez(p, **d)\"",
        at: site.range)
    }
    func array(_ name: String) throws(CellError) -> Value {
      guard let tensor = archive[name] else {
        throw .unsupported("~/.keras/datasets/mnist.npz has no array '\(name)'", at: site.range)
      }
      return .array(NDArray(tensor: tensor, dtype: .uint8))
    }
    return .tuple([
      .tuple([try array("x_train"), try array("y_train")]),
      .tuple([try array("x_test"), try array("y_test")]),
    ])
  }
}
