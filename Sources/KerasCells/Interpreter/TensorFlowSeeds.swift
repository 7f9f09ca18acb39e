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
/// `LSTMCell` and `GRUCell` last). tf-keras' `RandomGenerator._create_seed` runs at the
/// initializer's first call, in `build`: ConvBook draws tf-keras' seeds when the layer is first
/// built (`LayerInstance.whenFirstBuilt`), so a layer made before another but built after it
/// (`head = Dense(1)` put last in a model) draws after it, and Keras 3's when it is made.
/// Without a seeded generator, or after a layer whose draws ConvBook does not follow
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

  private static let depthwise = Draw.weight(
    "depthwise_kernel", keyword: "depthwise_initializer", default: "glorot_uniform")

  /// What each class draws, in order.
  private static func draws(_ className: String) -> [Draw]? {
    switch className {
    case "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose",
      "Conv3DTranspose", "Convolution1D", "Convolution2D", "Convolution3D":
      return [kernel, bias]
    case "DepthwiseConv1D", "DepthwiseConv2D":
      return [depthwise, bias]
    case "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D":
      return [
        depthwise,
        .weight("pointwise_kernel", keyword: "pointwise_initializer", default: "glorot_uniform"),
        bias,
      ]
    case "Embedding":
      return [.weight("embeddings", keyword: "embeddings_initializer", default: "uniform")]
    case "SimpleRNN", "SimpleRNNCell": return [.seedGenerator, kernel, recurrent, bias]
    case "LSTM", "GRU", "LSTMCell", "GRUCell": return [kernel, recurrent, bias, .seedGenerator]
    // `RNN` draws nothing of its own: a cell's seeds are the cell's (`adoptCellSeeds`).
    case "RNN": return []
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

  /// `RNN(cell)`: the layer's weights are the cell's, drawn with the seeds the cell took when it
  /// was made. A stack of cells names several kernels alike, whose seeds ConvBook does not keep
  /// apart: the stack's weights and the draws after it are its own.
  /// tf-keras builds the cell (and draws its seeds) when `RNN` is built.
  static func adoptCellSeeds(_ instance: LayerInstance, cell: Value?, session: KerasSession) {
    guard case .layer(let cellInstance)? = cell, cellInstance.layer is RecurrentCell else {
      session.tensorflowSeedsLost = true
      return
    }
    guard session.kerasVersion == .keras2 else {
      instance.tensorflowSeeds = cellInstance.tensorflowSeeds
      return
    }
    whenBuilt(instance) { rnn in
      if let cellDraws = cellInstance.whenFirstBuilt {
        cellInstance.whenFirstBuilt = nil
        cellDraws(cellInstance)
      }
      rnn.tensorflowSeeds = cellInstance.tensorflowSeeds
    }
  }

  /// Runs `action` when `instance` is first built (now if it is built already).
  private static func whenBuilt(
    _ instance: LayerInstance, _ action: @escaping (LayerInstance) -> Void
  ) {
    if instance.isBuilt {
      action(instance)
    } else {
      instance.whenFirstBuilt = action
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
    if session.kerasVersion == .keras3 {
      draw(draws, for: instance, keywords: keywords, keras3: true, session: session)
      return
    }
    whenBuilt(instance) { [weak session] built in
      guard let session else { return }
      draw(draws, for: built, keywords: keywords, keras3: false, session: session)
    }
  }

  /// Draws the seeds of `instance`'s initializers (`draws`, in order) now.
  private static func draw(
    _ draws: [Draw], for instance: LayerInstance, keywords: [(String, ArgumentValue)],
    keras3: Bool, session: KerasSession
  ) {
    let generator = self.generator(of: session)
    func given(_ keyword: String) -> ArgumentValue? {
      keywords.first(where: { $0.0 == keyword })?.1
    }
    for draw in draws {
      switch draw {
      case .seedGenerator:
        // Kept for the layer's training draws (`KerasSeedGenerator`).
        guard keras3 else { continue }
        if case .int(let seed)? = given("seed") {
          if seed >= 0 { instance.seedGenerator = KerasSeedGenerator(seed: UInt64(seed)) }
          continue
        }
        if let seed = generator?.kerasDefaultSeed() {
          instance.seedGenerator = KerasSeedGenerator(seed: seed)
        }
      case .weight(let name, let keyword, let fallback):
        var value = given(keyword) ?? .string(fallback)
        if case .none = value { value = .string(fallback) }
        if let seed = seed(of: value, generator: generator) {
          instance.tensorflowSeeds[name] = seed
        }
      }
    }
  }

  /// The generator Keras draws an unseeded initializer's seed from: tf-keras' own one when
  /// `keras.utils.set_random_seed(n)` made it, else Python's seeded `random`; nil when the draws
  /// are not known (no seed, or after a layer ConvBook does not follow).
  private static func generator(of session: KerasSession) -> PythonRandom? {
    guard !session.tensorflowSeedsLost else { return nil }
    if session.kerasVersion == .keras2, let own = session.kerasSeedGenerator { return own }
    return session.pythonRandom.isSeeded ? session.pythonRandom : nil
  }

  /// The seed of a random initializer (`value`): its `seed=n`, else one drawn from `generator`
  /// (which the draw advances, as Keras' does); nil for the others.
  private static func seed(of value: ArgumentValue, generator: PythonRandom?) -> UInt64? {
    guard let initializer = try? WeightInitializer(value), initializer.isRandom else { return nil }
    if case .object(let object) = value,
      case .int(let seed)? = object.arguments.first(where: { $0.0 == "seed" })?.1, seed >= 0
    {
      return UInt64(seed)
    }
    return generator?.kerasDefaultSeed()
  }

  /// Gives the weight node of a custom layer's `add_weight(initializer=...)` its seed, drawn
  /// when the weight is made, as both Kerases do (tf-keras when it creates the variable, Keras 3
  /// when `add_weight` makes the initializer from its name).
  static func assignWeight(_ node: LayerInstance, spec: WeightSpec, session: KerasSession) {
    guard let seed = seed(of: spec.initializer, generator: generator(of: session)) else { return }
    node.tensorflowSeeds[String(spec.name.split(separator: "/").last ?? "")] = seed
  }
}
