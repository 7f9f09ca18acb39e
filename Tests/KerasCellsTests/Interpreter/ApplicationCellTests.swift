import CNNEngine
import KerasCells
import Testing

/// `keras.applications` in cells beyond the recorded tf-keras fixtures
/// (`ApplicationFixtureTests`): import styles, Python's argument errors, messages whose Keras
/// text is not reproducible, and ConvBook's refusals.
@Suite struct ApplicationCellTests {
  static func run(_ source: String, version: KerasVersion = .keras2) -> CellResult {
    KerasSession(kerasVersion: version).run(source)
  }

  static func model(_ source: String) -> KerasModel? {
    let session = KerasSession(kerasVersion: .keras2)
    _ = session.run(source)
    if case .model(let model)? = session.globals["model"] { return model }
    return nil
  }

  @Test(arguments: [
    "from tensorflow.keras.applications import MobileNetV2\nmodel = MobileNetV2(input_shape=(32, 32, 3), weights=None, include_top=False)",
    "from tensorflow.keras.applications.mobilenet_v2 import MobileNetV2\nmodel = MobileNetV2((32, 32, 3), 1.0, False, None)",
    "import tensorflow as tf\nmodel = tf.keras.applications.mobilenet_v2.MobileNetV2(input_shape=(32, 32, 3), weights=None, include_top=False)",
    "import keras\nmodel = keras.applications.MobileNetV2(input_shape=[32, 32, 3], weights=None, include_top=False)",
  ])
  func importStylesBuildTheSameModel(_ source: String) throws {
    let model = try #require(Self.model(source), "\(Self.run(source).error.map { "\($0)" } ?? "")")
    #expect(model.name == "mobilenetv2_1.00_32")
    #expect(model.totals.parameters == 2_257_984)
  }

  @Test func famousTotals() throws {
    // Keras' published sizes at 224x224 with the top.
    let cases: [(String, Int)] = [
      ("VGG16", 138_357_544), ("VGG19", 143_667_240), ("ResNet50", 25_636_712),
      ("MobileNetV2", 3_538_984), ("MobileNet", 4_253_864), ("EfficientNetB0", 5_330_571),
      ("DenseNet121", 8_062_504), ("InceptionV3", 23_851_784), ("Xception", 22_910_480),
      ("InceptionResNetV2", 55_873_736), ("MobileNetV3Large", 5_507_432),
      ("MobileNetV3Small", 2_554_968), ("ResNet50V2", 25_613_800), ("DenseNet201", 20_242_984),
      ("ConvNeXtTiny", 28_589_128), ("NASNetMobile", 5_326_716),
    ]
    for (name, total) in cases {
      let source = "import keras\nmodel = keras.applications.\(name)(weights=None)"
      let model = try #require(Self.model(source), "\(name)")
      #expect(model.totals.parameters == total, "\(name)")
    }
  }

  @Test func pythonArgumentErrors() {
    let tooMany = Self.run(
      "import keras\nm = keras.applications.VGG16(True, None, None, None, None, 10, 'softmax', 1)")
    #expect(tooMany.error?.type == "TypeError")
    #expect(
      tooMany.error?.message == "VGG16() takes from 0 to 7 positional arguments but 8 were given")
    let twice = Self.run("import keras\nm = keras.applications.VGG16(True, include_top=False)")
    #expect(twice.error?.message == "VGG16() got multiple values for argument 'include_top'")
    let resnet = Self.run("import keras\nm = keras.applications.ResNet50(weights=None, alpha=1)")
    #expect(resnet.error?.type == "ValueError")
    #expect(resnet.error?.message == "Unknown argument(s): {'alpha': 1}")
    let mobilenet = Self.run("import keras\nm = keras.applications.MobileNet(weights=None, foo=1)")
    #expect(mobilenet.error?.message == "Unknown argument(s): ({'foo': 1},)")
  }

  @Test func classifierActivationWithImageNetWeightsLeavesTheAddressOut() {
    let result = Self.run(
      "import keras\nm = keras.applications.MobileNetV2(classifier_activation='relu')")
    #expect(result.error?.type == "ValueError")
    #expect(
      result.error?.message
        == "Only `None` and `softmax` activations are allowed for the `classifier_activation` argument when using pretrained weights, with `include_top=True`; Received: classifier_activation=<function relu>"
    )
  }

  @Test func imageNetModelsAreSummarisedButNotRun() throws {
    let model = try #require(
      Self.model("import keras\nmodel = keras.applications.MobileNetV2(input_shape=(96, 96, 3))"))
    #expect(model.name == "mobilenetv2_1.00_96")
    #expect(model.pretrainedWeightsRequest?.application == "MobileNetV2")
    #expect(throws: ForwardError.self) { try ModelWeights.initialized(for: model, seed: 0) }
    let untrained = try #require(
      Self.model(
        "import keras\nmodel = keras.applications.MobileNetV2(input_shape=(96, 96, 3), weights=None)"
      ))
    #expect(untrained.pretrainedWeightsRequest == nil)
  }

  @Test func refusals() {
    let cases: [(String, String)] = [
      (
        "import keras\nkeras.applications.resnet50.decode_predictions([[0.5, 0.25]])",
        "keras.applications.resnet50.decode_predictions is not supported"
      ),
      (
        "import keras\nx = keras.applications.vgg16.preprocess_input(keras.Input((32, 32, 1)))",
        "ConvBook runs keras.applications.vgg16.preprocess_input on tensors of 3 channels"
      ),
      (
        "import keras\nx = keras.applications.mobilenet_v2.preprocess_input([1.0, 2.0])",
        "keras.applications.mobilenet_v2.preprocess_input runs on Keras tensors"
      ),
      (
        "import keras\nm = keras.applications.MobileNetV2(input_tensor=[1, 2])",
        "ConvBook builds MobileNetV2 on a Keras tensor"
      ),
    ]
    for (source, message) in cases {
      let error = Self.run(source).error
      #expect(error?.type == nil, "\(source)")
      #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error")")
    }
    // A weights file that does not exist: Keras' ValueError (a `.npz` that exists is read).
    let missing = Self.run("import keras\nm = keras.applications.VGG16(weights='vgg16_weights.h5')")
    #expect(missing.error?.type == "ValueError")
    #expect(
      missing.error?.message.hasPrefix(
        "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
      ) == true)
  }

  @Test func identityPreprocessingReturnsItsInput() {
    let result = Self.run(
      "import keras\nx = keras.Input((32, 32, 3))\nprint(keras.applications.efficientnet.preprocess_input(x) is x)"
    )
    #expect(result.printed() == "True\n")
  }
}
