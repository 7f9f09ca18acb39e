/// Where in its own code Keras 3.15.1 issues the `input_shape=` UserWarning for each layer class:
/// the `__init__` that calls `Layer.__init__` with the keyword, as Python's warning names it (file
/// relative to site-packages, line, and the source line Python prints under it). Classes that share
/// a base `__init__` share the place, so Python shows the warning once for all of them.
/// Recorded by `Tools/keras-reference/make_warning_fixtures.py`
/// (`Tests/Fixtures/keras3/input_shape_warnings.tsv`; a test keeps the two equal).
public struct KerasWarningSite: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var source: String

  /// Python's key for "once per location".
  public var location: String { "\(file):\(line)" }
}

enum Keras3WarningSites {
  private static let baseInit = "super().__init__(**kwargs)"
  private static let openCall = "super().__init__("
  private static let withRegularizer =
    "super().__init__(activity_regularizer=activity_regularizer, **kwargs)"

  /// Each site with the classes that warn from it.
  static let sites: [(site: KerasWarningSite, classes: [String])] = [
    (.init(file: "keras/src/layers/core/dense.py", line: 107, source: withRegularizer), ["Dense"]),
    (
      .init(
        file: "keras/src/layers/convolutional/base_conv.py", line: 113, source: withRegularizer),
      ["Conv1D", "Conv2D", "Conv3D"]
    ),
    (
      .init(
        file: "keras/src/layers/convolutional/base_conv_transpose.py", line: 94, source: openCall),
      ["Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose"]
    ),
    (
      .init(
        file: "keras/src/layers/convolutional/base_separable_conv.py", line: 103, source: openCall),
      ["SeparableConv1D", "SeparableConv2D"]
    ),
    (
      .init(
        file: "keras/src/layers/convolutional/base_depthwise_conv.py", line: 105, source: openCall),
      ["DepthwiseConv1D", "DepthwiseConv2D"]
    ),
    (
      .init(
        file: "keras/src/layers/pooling/base_pooling.py", line: 23,
        source: "super().__init__(name=name, **kwargs)"),
      [
        "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
        "AveragePooling3D",
      ]
    ),
    (
      .init(file: "keras/src/layers/pooling/base_global_pooling.py", line: 12, source: baseInit),
      [
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
        "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
      ]
    ),
    (.init(file: "keras/src/layers/reshaping/flatten.py", line: 37, source: baseInit), ["Flatten"]),
    (
      .init(file: "keras/src/layers/regularization/dropout.py", line: 42, source: baseInit),
      ["Dropout"]
    ),
    (
      .init(file: "keras/src/layers/regularization/gaussian_noise.py", line: 29, source: baseInit),
      ["GaussianNoise"]
    ),
    (
      .init(
        file: "keras/src/layers/regularization/gaussian_dropout.py", line: 28, source: baseInit),
      ["GaussianDropout"]
    ),
    (
      .init(
        file: "keras/src/layers/normalization/batch_normalization.py", line: 181, source: baseInit),
      ["BatchNormalization"]
    ),
    (
      .init(
        file: "keras/src/layers/normalization/layer_normalization.py", line: 128, source: baseInit),
      ["LayerNormalization"]
    ),
    (
      .init(file: "keras/src/layers/activations/activation.py", line: 26, source: baseInit),
      ["Activation"]
    ),
    (.init(file: "keras/src/layers/activations/relu.py", line: 43, source: baseInit), ["ReLU"]),
    (
      .init(file: "keras/src/layers/activations/leaky_relu.py", line: 44, source: baseInit),
      ["LeakyReLU"]
    ),
    (.init(file: "keras/src/layers/activations/prelu.py", line: 42, source: baseInit), ["PReLU"]),
    (.init(file: "keras/src/layers/activations/elu.py", line: 23, source: baseInit), ["ELU"]),
    (
      .init(file: "keras/src/layers/activations/softmax.py", line: 49, source: baseInit),
      ["Softmax"]
    ),
    (.init(file: "keras/src/layers/reshaping/reshape.py", line: 39, source: baseInit), ["Reshape"]),
    (.init(file: "keras/src/layers/reshaping/permute.py", line: 36, source: baseInit), ["Permute"]),
    (
      .init(file: "keras/src/layers/reshaping/repeat_vector.py", line: 29, source: baseInit),
      ["RepeatVector"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/zero_padding1d.py", line: 69, source: baseInit),
      ["ZeroPadding1D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/zero_padding2d.py", line: 72, source: baseInit),
      ["ZeroPadding2D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/zero_padding3d.py", line: 63, source: baseInit),
      ["ZeroPadding3D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/cropping1d.py", line: 45, source: baseInit),
      ["Cropping1D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/cropping2d.py", line: 57, source: baseInit),
      ["Cropping2D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/cropping3d.py", line: 62, source: baseInit),
      ["Cropping3D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/up_sampling1d.py", line: 44, source: baseInit),
      ["UpSampling1D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/up_sampling2d.py", line: 72, source: baseInit),
      ["UpSampling2D"]
    ),
    (
      .init(file: "keras/src/layers/reshaping/up_sampling3d.py", line: 57, source: baseInit),
      ["UpSampling3D"]
    ),
    (.init(file: "keras/src/layers/core/embedding.py", line: 126, source: baseInit), ["Embedding"]),
    (
      .init(file: "keras/src/layers/preprocessing/data_layer.py", line: 95, source: baseInit),
      [
        "Rescaling", "Normalization", "Resizing", "CenterCrop", "RandomFlip", "RandomRotation",
        "RandomZoom", "RandomTranslation", "RandomContrast", "RandomCrop", "RandomBrightness",
      ]
    ),
    (.init(file: "keras/src/layers/core/lambda_layer.py", line: 65, source: baseInit), ["Lambda"]),
    (.init(file: "keras/src/layers/core/masking.py", line: 48, source: baseInit), ["Masking"]),
    (.init(file: "keras/src/layers/core/identity.py", line: 16, source: baseInit), ["Identity"]),
    (
      .init(file: "keras/src/layers/core/wrapper.py", line: 25, source: baseInit),
      ["TimeDistributed"]
    ),
    (
      .init(file: "keras/src/layers/rnn/rnn.py", line: 199, source: baseInit),
      ["LSTM", "GRU", "SimpleRNN"]
    ),
  ]

  private static let byClass: [String: KerasWarningSite] = {
    var table: [String: KerasWarningSite] = [:]
    for (site, classes) in sites { for name in classes { table[name] = site } }
    return table
  }()

  /// The place of the warning for `className`; nil for a class whose place was not recorded.
  static func inputShapeSite(className: String) -> KerasWarningSite? { byClass[className] }
}

extension KerasWarning {
  /// The warning as Python's `warnings` module prints it on standard error: `FILE:LINE: Category:
  /// message` and the source line, indented by two spaces. Keras' file is named from its package
  /// folder (the folder above it, the installation's site-packages, differs from machine to
  /// machine). A warning whose place in Keras was not recorded names `place`, the user's line.
  public func pythonText(orAt place: String) -> String {
    guard let site else {
      let line = namesCallerLine ? sourceLine.map { "  \($0)\n" } ?? "" : ""
      return "\(place): \(category): \(message)\n" + line
    }
    return "\(site.file):\(site.line): \(category): \(message)\n  \(site.source)\n"
  }
}
