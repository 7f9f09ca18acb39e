/// The functions of `keras.applications` that ConvBook builds: each makes the same graph as
/// tf-keras 2.21, or Keras 3.15 in a Keras 3 session (layer names, classes, shapes, parameters),
/// for its arguments.
public enum Application: String, CaseIterable, Sendable {
  case vgg16 = "VGG16"
  case vgg19 = "VGG19"
  case resNet50 = "ResNet50"
  case resNet101 = "ResNet101"
  case resNet152 = "ResNet152"
  case resNet50V2 = "ResNet50V2"
  case resNet101V2 = "ResNet101V2"
  case resNet152V2 = "ResNet152V2"
  case mobileNet = "MobileNet"
  case mobileNetV2 = "MobileNetV2"
  case mobileNetV3Small = "MobileNetV3Small"
  case mobileNetV3Large = "MobileNetV3Large"
  case inceptionV3 = "InceptionV3"
  case xception = "Xception"
  case inceptionResNetV2 = "InceptionResNetV2"
  case nasNetMobile = "NASNetMobile"
  case nasNetLarge = "NASNetLarge"
  case convNeXtTiny = "ConvNeXtTiny"
  case convNeXtSmall = "ConvNeXtSmall"
  case convNeXtBase = "ConvNeXtBase"
  case convNeXtLarge = "ConvNeXtLarge"
  case convNeXtXLarge = "ConvNeXtXLarge"
  case denseNet121 = "DenseNet121"
  case denseNet169 = "DenseNet169"
  case denseNet201 = "DenseNet201"
  case efficientNetB0 = "EfficientNetB0"
  case efficientNetB1 = "EfficientNetB1"
  case efficientNetB2 = "EfficientNetB2"
  case efficientNetB3 = "EfficientNetB3"
  case efficientNetB4 = "EfficientNetB4"
  case efficientNetB5 = "EfficientNetB5"
  case efficientNetB6 = "EfficientNetB6"
  case efficientNetB7 = "EfficientNetB7"
  case efficientNetV2B0 = "EfficientNetV2B0"
  case efficientNetV2B1 = "EfficientNetV2B1"
  case efficientNetV2B2 = "EfficientNetV2B2"
  case efficientNetV2B3 = "EfficientNetV2B3"
  case efficientNetV2S = "EfficientNetV2S"
  case efficientNetV2M = "EfficientNetV2M"
  case efficientNetV2L = "EfficientNetV2L"

  /// A Python parameter with its default.
  public typealias Parameter = (name: String, defaultValue: ArgumentValue)

  /// The function's signature: parameters in order (positional or keyword), then those only its
  /// `**kwargs` reach; `acceptsExtraKeywords` when `**kwargs` takes any keyword (and the function
  /// itself refuses unknown ones with `Unknown argument(s)`).
  public struct Signature: Sendable {
    public let parameters: [(name: String, defaultValue: ArgumentValue)]
    public let keywordOnly: [(name: String, defaultValue: ArgumentValue)]
    public let acceptsExtraKeywords: Bool
  }

  private static let common: [Parameter] = [
    ("include_top", .bool(true)), ("weights", .string("imagenet")), ("input_tensor", .none),
    ("input_shape", .none), ("pooling", .none), ("classes", .int(1000)),
  ]
  private static let classifier: Parameter = ("classifier_activation", .string("softmax"))

  /// The function's signature in `version`. Keras 3's functions take no `**kwargs` and end with a
  /// `name=` parameter (the model's name; ConvNeXt's replaces tf-keras' leading `model_name`).
  public func signature(for version: KerasVersion) -> Signature {
    let classic = signature
    guard version == .keras3 else { return classic }
    let parameters = (classic.parameters + classic.keywordOnly).filter { $0.name != "model_name" }
    return Signature(
      parameters: parameters + [("name", keras3DefaultName.map { .string($0) } ?? .none)],
      keywordOnly: [], acceptsExtraKeywords: false)
  }

  /// Keras 3's default `name=` (nil: None, the model names itself from its arguments).
  var keras3DefaultName: String? {
    switch self {
    case .mobileNet, .mobileNetV2: return nil
    case .mobileNetV3Small, .mobileNetV3Large: return rawValue
    case .inceptionV3: return "inception_v3"
    case .inceptionResNetV2: return "inception_resnet_v2"
    case .nasNetMobile: return "nasnet_mobile"
    case .nasNetLarge: return "nasnet_large"
    case .convNeXtTiny, .convNeXtSmall, .convNeXtBase, .convNeXtLarge, .convNeXtXLarge:
      return "convnext_" + rawValue.dropFirst("ConvNeXt".count).lowercased()
    case .efficientNetV2S, .efficientNetV2M, .efficientNetV2L:
      return "efficientnetv2-" + rawValue.dropFirst("EfficientNetV2".count).lowercased()
    case .efficientNetV2B0, .efficientNetV2B1, .efficientNetV2B2, .efficientNetV2B3:
      return "efficientnetv2-" + rawValue.dropFirst("EfficientNetV2".count).lowercased()
    default: return rawValue.lowercased()
    }
  }

  /// The signature in tf-keras 2.21.
  public var signature: Signature {
    switch self {
    case .vgg16, .vgg19, .resNet50V2, .resNet101V2, .resNet152V2, .inceptionV3, .xception,
      .denseNet121, .denseNet169, .denseNet201:
      return Signature(
        parameters: Self.common + [Self.classifier], keywordOnly: [], acceptsExtraKeywords: false)
    case .mobileNetV3Small, .mobileNetV3Large:
      return Signature(
        parameters: [
          ("input_shape", .none), ("alpha", .float(1)), ("minimalistic", .bool(false)),
          ("include_top", .bool(true)), ("weights", .string("imagenet")), ("input_tensor", .none),
          ("classes", .int(1000)), ("pooling", .none), ("dropout_rate", .float(0.2)),
          Self.classifier, ("include_preprocessing", .bool(true)),
        ], keywordOnly: [], acceptsExtraKeywords: false)
    case .efficientNetB0, .efficientNetB1, .efficientNetB2, .efficientNetB3, .efficientNetB4,
      .efficientNetB5, .efficientNetB6, .efficientNetB7:
      return Signature(
        parameters: Self.common + [Self.classifier], keywordOnly: [], acceptsExtraKeywords: true)
    case .efficientNetV2B0, .efficientNetV2B1, .efficientNetV2B2, .efficientNetV2B3,
      .efficientNetV2S, .efficientNetV2M, .efficientNetV2L:
      return Signature(
        parameters: Self.common + [Self.classifier, ("include_preprocessing", .bool(true))],
        keywordOnly: [], acceptsExtraKeywords: false)
    case .convNeXtTiny, .convNeXtSmall, .convNeXtBase, .convNeXtLarge, .convNeXtXLarge:
      let size = rawValue.dropFirst("ConvNeXt".count).lowercased()
      return Signature(
        parameters: [
          ("model_name", .string("convnext_" + size)), ("include_top", .bool(true)),
          ("include_preprocessing", .bool(true)), ("weights", .string("imagenet")),
          ("input_tensor", .none), ("input_shape", .none), ("pooling", .none),
          ("classes", .int(1000)), Self.classifier,
        ], keywordOnly: [], acceptsExtraKeywords: false)
    case .nasNetMobile, .nasNetLarge:
      return Signature(
        parameters: [
          ("input_shape", .none), ("include_top", .bool(true)), ("weights", .string("imagenet")),
          ("input_tensor", .none), ("pooling", .none), ("classes", .int(1000)), Self.classifier,
        ], keywordOnly: [], acceptsExtraKeywords: false)
    case .inceptionResNetV2:
      return Signature(
        parameters: Self.common + [Self.classifier], keywordOnly: [], acceptsExtraKeywords: true)
    case .resNet50, .resNet101, .resNet152:
      return Signature(
        parameters: Self.common, keywordOnly: [Self.classifier], acceptsExtraKeywords: true)
    case .mobileNet:
      return Signature(
        parameters: [
          ("input_shape", .none), ("alpha", .float(1)), ("depth_multiplier", .int(1)),
          ("dropout", .float(1e-3)), ("include_top", .bool(true)),
          ("weights", .string("imagenet")), ("input_tensor", .none), ("pooling", .none),
          ("classes", .int(1000)), Self.classifier,
        ], keywordOnly: [], acceptsExtraKeywords: true)
    case .mobileNetV2:
      return Signature(
        parameters: [
          ("input_shape", .none), ("alpha", .float(1)), ("include_top", .bool(true)),
          ("weights", .string("imagenet")), ("input_tensor", .none), ("pooling", .none),
          ("classes", .int(1000)), Self.classifier,
        ], keywordOnly: [], acceptsExtraKeywords: true)
    }
  }

  /// The modules of `keras.applications` that export the function, besides the package itself.
  public var modules: [String] {
    switch self {
    case .vgg16: return ["vgg16"]
    case .vgg19: return ["vgg19"]
    case .resNet50: return ["resnet50", "resnet"]
    case .resNet101, .resNet152: return ["resnet"]
    case .resNet50V2, .resNet101V2, .resNet152V2: return ["resnet_v2"]
    case .mobileNet: return ["mobilenet"]
    case .mobileNetV2: return ["mobilenet_v2"]
    case .mobileNetV3Small, .mobileNetV3Large: return ["mobilenet_v3"]
    case .inceptionV3: return ["inception_v3"]
    case .xception: return ["xception"]
    case .inceptionResNetV2: return ["inception_resnet_v2"]
    case .nasNetMobile, .nasNetLarge: return ["nasnet"]
    case .convNeXtTiny, .convNeXtSmall, .convNeXtBase, .convNeXtLarge, .convNeXtXLarge:
      return ["convnext"]
    case .denseNet121, .denseNet169, .denseNet201: return ["densenet"]
    case .efficientNetB0, .efficientNetB1, .efficientNetB2, .efficientNetB3, .efficientNetB4,
      .efficientNetB5, .efficientNetB6, .efficientNetB7:
      return ["efficientnet"]
    case .efficientNetV2B0, .efficientNetV2B1, .efficientNetV2B2, .efficientNetV2B3,
      .efficientNetV2S, .efficientNetV2M, .efficientNetV2L:
      return ["efficientnet_v2"]
    }
  }

  /// Builds the model for `arguments` (bound to `signature`), naming unnamed layers in `names`.
  public func build(_ arguments: ApplicationArguments, names: NameScope) throws(KerasError)
    -> KerasModel
  {
    let context = ApplicationContext(
      arguments: arguments, builder: ApplicationBuilder(names: names))
    switch self {
    case .vgg16: return try VGG.build(depth: 16, context)
    case .vgg19: return try VGG.build(depth: 19, context)
    case .resNet50: return try ResNet.build(depth: 50, version2: false, context)
    case .resNet101: return try ResNet.build(depth: 101, version2: false, context)
    case .resNet152: return try ResNet.build(depth: 152, version2: false, context)
    case .resNet50V2: return try ResNet.build(depth: 50, version2: true, context)
    case .resNet101V2: return try ResNet.build(depth: 101, version2: true, context)
    case .resNet152V2: return try ResNet.build(depth: 152, version2: true, context)
    case .mobileNet: return try MobileNet.build(context)
    case .mobileNetV2: return try MobileNetV2.build(context)
    case .mobileNetV3Small: return try MobileNetV3.build(large: false, context)
    case .mobileNetV3Large: return try MobileNetV3.build(large: true, context)
    case .inceptionV3: return try InceptionV3.build(context)
    case .xception: return try Xception.build(context)
    case .inceptionResNetV2: return try InceptionResNetV2.build(context)
    case .nasNetMobile: return try NASNet.build(NASNet.mobile, context)
    case .nasNetLarge: return try NASNet.build(NASNet.large, context)
    case .convNeXtTiny: return try ConvNeXt.build(.tiny, context)
    case .convNeXtSmall: return try ConvNeXt.build(.small, context)
    case .convNeXtBase: return try ConvNeXt.build(.base, context)
    case .convNeXtLarge: return try ConvNeXt.build(.large, context)
    case .convNeXtXLarge: return try ConvNeXt.build(.xlarge, context)
    case .denseNet121: return try DenseNet.build(depth: 121, context)
    case .denseNet169: return try DenseNet.build(depth: 169, context)
    case .denseNet201: return try DenseNet.build(depth: 201, context)
    case .efficientNetB0: return try EfficientNet.build(variant: 0, context)
    case .efficientNetB1: return try EfficientNet.build(variant: 1, context)
    case .efficientNetB2: return try EfficientNet.build(variant: 2, context)
    case .efficientNetB3: return try EfficientNet.build(variant: 3, context)
    case .efficientNetB4: return try EfficientNet.build(variant: 4, context)
    case .efficientNetB5: return try EfficientNet.build(variant: 5, context)
    case .efficientNetB6: return try EfficientNet.build(variant: 6, context)
    case .efficientNetB7: return try EfficientNet.build(variant: 7, context)
    case .efficientNetV2B0: return try EfficientNetV2.build(.b0, context)
    case .efficientNetV2B1: return try EfficientNetV2.build(.b1, context)
    case .efficientNetV2B2: return try EfficientNetV2.build(.b2, context)
    case .efficientNetV2B3: return try EfficientNetV2.build(.b3, context)
    case .efficientNetV2S: return try EfficientNetV2.build(.s, context)
    case .efficientNetV2M: return try EfficientNetV2.build(.m, context)
    case .efficientNetV2L: return try EfficientNetV2.build(.l, context)
    }
  }
}

extension KerasModel {
  /// The model (this one or one nested in it) built with `weights="imagenet"`, and its
  /// application; nil when no part of the model asks for pretrained weights.
  public var pretrainedWeightsRequest: (model: String, application: String)? {
    if let pretrainedWeights { return (name, pretrainedWeights.application) }
    for layer in layers {
      if let nested = layer.model?.pretrainedWeightsRequest { return nested }
    }
    return nil
  }

  /// Every model (this one or nested at any depth, each once) built to load pretrained weights.
  public var pretrainedModels: [KerasModel] {
    var found: [KerasModel] = []
    func visit(_ model: KerasModel) {
      if model.pretrainedWeights != nil, !found.contains(where: { $0 === model }) {
        found.append(model)
        return
      }
      for layer in model.layers { if let nested = layer.model { visit(nested) } }
    }
    visit(self)
    return found
  }
}
