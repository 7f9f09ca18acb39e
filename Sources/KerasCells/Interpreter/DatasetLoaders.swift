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
    case "keras.datasets.fashion_mnist.load_data":
      return try fashionMNIST(site: site, interpreter: interpreter)
    case "keras.datasets.cifar10.load_data":
      return try cifar10(site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "\(path)() is not supported: ConvBook downloads no data; it reads keras.datasets.mnist, fashion_mnist and cifar10 from Keras' cache, and convbook.datasets.shapes makes its own images",
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

  /// `keras.datasets.fashion_mnist.load_data()` from Keras' cache,
  /// `~/.keras/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`: gzip'd IDX
  /// files read as Keras reads them (labels after 8 header bytes, 28x28 images after 16).
  private static func fashionMNIST(site: CallSite, interpreter: Interpreter) throws(CellError)
    -> Value
  {
    let folder = "~/.keras/datasets/fashion-mnist/"
    func file(_ name: String) throws(CellError) -> [UInt8] {
      guard
        let bytes = interpreter.session.training.files?.kerasDataset("fashion-mnist/" + name)
      else {
        throw .unsupported(
          "ConvBook does not download data: keras.datasets.fashion_mnist.load_data() reads Keras' own cache, \(folder)\(name), which is not there. Run `python -c \"import keras; keras.datasets.fashion_mnist.load_data()\"` once where Keras is installed, or use convbook.datasets.shapes, which needs no file",
          at: site.range)
      }
      let size: Int
      do {
        size = try Gunzip.announcedSize(bytes)
      } catch {
        throw .unsupported("cannot read \(folder)\(name): \(error)", at: site.range)
      }
      // The bytes, then a float per byte in the arrays.
      try interpreter.budget.allocate(bytes: size * 5, at: site.range)
      do {
        return try Gunzip.decompress(bytes)
      } catch {
        throw .unsupported("cannot read \(folder)\(name): \(error)", at: site.range)
      }
    }
    func part(_ prefix: String) throws(CellError) -> Value {
      let labels = try file(prefix + "-labels-idx1-ubyte.gz")
      let images = try file(prefix + "-images-idx3-ubyte.gz")
      let count = max(0, labels.count - 8)
      guard images.count - 16 == count * 28 * 28 else {
        throw .unsupported(
          "cannot read \(folder)\(prefix)-images-idx3-ubyte.gz: \(max(0, images.count - 16)) image bytes for \(count) labels (28x28 each)",
          at: site.range)
      }
      return .tuple([
        .array(
          NDArray(
            dtype: .uint8, shape: [count, 28, 28],
            scalars: NumPyKernel.floats(bytes: images[16...]))),
        .array(
          NDArray(
            dtype: .uint8, shape: [count], scalars: NumPyKernel.floats(bytes: labels[8...]))),
      ])
    }
    return .tuple([try part("train"), try part("t10k")])
  }

  /// `keras.datasets.cifar10.load_data()` from Keras' cache, the unpacked
  /// `~/.keras/datasets/cifar-10-batches-py/` (`data_batch_1` to `_5`, `test_batch`): images
  /// (N, 32, 32, 3) uint8, channels last as Keras transposes them, labels (N, 1) uint8.
  private static func cifar10(site: CallSite, interpreter: Interpreter) throws(CellError) -> Value {
    let folder = "~/.keras/datasets/cifar-10-batches-py/"
    func batch(_ name: String) throws(CellError) -> CIFARBatch {
      guard
        let bytes = interpreter.session.training.files?.kerasDataset(
          "cifar-10-batches-py/" + name)
      else {
        throw .unsupported(
          "ConvBook does not download data: keras.datasets.cifar10.load_data() reads Keras' own cache, \(folder)\(name), which is not there. Run `python -c \"import keras; keras.datasets.cifar10.load_data()\"` once where Keras is installed, or use convbook.datasets.shapes, which needs no file",
          at: site.range)
      }
      // The bytes, then a float per byte in the arrays.
      try interpreter.budget.allocate(bytes: bytes.count * 5, at: site.range)
      do {
        return try CIFARBatch(bytes: bytes)
      } catch {
        throw .unsupported("cannot read \(folder)\(name): \(error)", at: site.range)
      }
    }
    func part(_ batches: [CIFARBatch]) -> Value {
      let count = batches.reduce(0) { $0 + $1.count }
      let images = CIFARBatch.imagesChannelsLast(batches)
      var labels: [Float] = []
      for batch in batches { labels += batch.labels.map { Float($0) } }
      return .tuple([
        .array(NDArray(dtype: .uint8, shape: [count, 32, 32, 3], scalars: images)),
        .array(NDArray(dtype: .uint8, shape: [count, 1], scalars: labels)),
      ])
    }
    var train: [CIFARBatch] = []
    for index in 1...5 { train.append(try batch("data_batch_\(index)")) }
    return .tuple([part(train), part([try batch("test_batch")])])
  }
}
