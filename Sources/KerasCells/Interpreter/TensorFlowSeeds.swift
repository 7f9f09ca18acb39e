import CNNEngine

/// The seeds Keras gives a new layer's initializers, so that a seeded script starts from
/// TensorFlow's own weights (`WeightInitializer.tensorflowTensor`).
///
/// An unseeded initializer takes `randint(1, int(1e9))` once: tf-keras from its own generator
/// when `keras.utils.set_random_seed(n)` made one (`random.Random(n)`), else from Python's
/// `random`, when it builds the weight; Keras 3 from Python's `random` when the initializer is
/// made, which is when the layer is made, and so does every `SeedGenerator` a layer makes
/// (Dropout, GaussianNoise, the recurrent cells' dropout). An initializer given `seed=n` uses n.
/// Measured with both Kerases: the order of the draws of each class below (tf-keras:
/// kernel, recurrent kernel, bias; Keras 3's `SimpleRNNCell` makes its `SeedGenerator` first,
/// `LSTMCell` and `GRUCell` last). ConvBook draws when the layer is made for both, so tf-keras'
/// seeds follow the order layers are made, which is the order they are built in a model written
/// top to bottom. Without a seeded generator, or after a layer whose draws ConvBook does not follow
/// (`KerasSession.tensorflowSeedsLost`), only explicit seeds are known and the other weights
/// come from ConvBook's own streams.
enum TensorFlowSeeds {
  private enum Draw {
    /// An initializer keyword, its default and the last part of the weight's name.
    case weight(String, keyword: String, default: String)
    /// A `SeedGenerator` (Keras 3).
    case seedGenerator
  }

  private static let kernel = Draw.weight(
    "kernel", keyword: "kernel_initializer", default: "glorot_uniform")
  private static let bias = Draw.weight("bias", keyword: "bias_initializer", default: "zeros")
  private static let recurrent = Draw.weight(
    "recurrent_kernel", keyword: "recurrent_initializer", default: "orthogonal")

  /// What each class draws, in order.
  private static func draws(_ className: String) -> [Draw]? {
    switch className {
    case "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
      "Conv3DTranspose", "Convolution1D", "Convolution2D", "Convolution3D":
      return [kernel, bias]
    case "Embedding":
      return [.weight("embeddings", keyword: "embeddings_initializer", default: "uniform")]
    case "SimpleRNN": return [.seedGenerator, kernel, recurrent, bias]
    case "LSTM", "GRU": return [kernel, recurrent, bias, .seedGenerator]
    case "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise",
      "GaussianDropout", "AlphaDropout":
      return [.seedGenerator]
    case "InputLayer", "Flatten", "Reshape", "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax",
      "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
      "AveragePooling3D", "MaxPool1D", "MaxPool2D", "MaxPool3D", "AvgPool1D", "AvgPool2D",
      "AvgPool3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
      "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
      "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalAvgPool1D", "GlobalAvgPool2D", "Concatenate",
      "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Dot", "BatchNormalization",
      "LayerNormalization", "Permute", "RepeatVector", "ZeroPadding1D", "ZeroPadding2D",
      "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D", "UpSampling1D", "UpSampling2D",
      "UpSampling3D", "Masking", "Rescaling", "Identity", "TimeDistributed", "PReLU", "Lambda":
      return []
    default:
      return nil
    }
  }

  /// The generator Keras draws an unseeded initializer's seed from, when ConvBook follows it.
  private static func generator(_ session: KerasSession) -> PythonRandom? {
    guard !session.tensorflowSeedsLost else { return nil }
    if session.kerasVersion == .keras2, let own = session.kerasSeedGenerator { return own }
    return session.pythonRandom.isSeeded ? session.pythonRandom : nil
  }

  /// Gives the weight `name` a custom layer's `add_weight` just made on `node` the seed of its
  /// initializer: both Kerases draw it then (tf-keras when the variable is initialized, Keras 3
  /// when `add_weight` makes the initializer), so the layers made after it take the next seeds.
  static func assignCustomWeight(
    _ node: LayerInstance, name: String, initializer: ArgumentValue, session: KerasSession
  ) {
    guard let made = try? WeightInitializer(initializer), made.isRandom else { return }
    let key = String(name.split(separator: "/").last ?? "")
    if case .object(let object) = initializer,
      case .int(let seed)? = object.arguments.first(where: { $0.0 == "seed" })?.1, seed >= 0
    {
      node.tensorflowSeeds[key] = UInt64(seed)
    } else if let generator = generator(session) {
      node.tensorflowSeeds[key] = generator.kerasDefaultSeed()
    }
  }

  /// Gives `instance` (a layer of class `className` just made with `keywords`) the seeds of its
  /// initializers, drawing them as Keras does.
  static func assign(
    _ instance: LayerInstance, className: String, keywords: [(String, ArgumentValue)],
    session: KerasSession
  ) {
    guard let draws = draws(className) else {
      // A layer ConvBook does not follow: Keras' later draws are unknown from here on.
      session.tensorflowSeedsLost = true
      return
    }
    let keras3 = session.kerasVersion == .keras3
    let generator = Self.generator(session)
    func given(_ keyword: String) -> ArgumentValue? {
      keywords.first(where: { $0.0 == keyword })?.1
    }
    for draw in draws {
      switch draw {
      case .seedGenerator:
        guard keras3 else { continue }
        if case .int? = given("seed") { continue }
        _ = generator?.kerasDefaultSeed()
      case .weight(let name, let keyword, let fallback):
        var value = given(keyword) ?? .string(fallback)
        if case .none = value { value = .string(fallback) }
        guard let initializer = try? WeightInitializer(value), initializer.isRandom else {
          continue
        }
        if case .object(let object) = value,
          case .int(let seed)? = object.arguments.first(where: { $0.0 == "seed" })?.1, seed >= 0
        {
          instance.tensorflowSeeds[name] = UInt64(seed)
        } else if let generator {
          instance.tensorflowSeeds[name] = generator.kerasDefaultSeed()
        }
      }
    }
  }
}
