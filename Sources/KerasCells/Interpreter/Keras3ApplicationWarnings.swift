import CNNEngine

/// Keras 3.15.1's `UserWarning` for MobileNet, MobileNetV2 and MobileNetV3 built with ImageNet
/// weights at an input size whose weights do not exist ("Weights for input shape (224, 224) will
/// be loaded as the default."). Each family checks its own sizes, after its refusals (so a model
/// Keras refuses warns nothing), and warns with `stacklevel=2`: MobileNet and MobileNetV2 at the
/// line that called them, MobileNetV3 at its `MobileNetV3Small` / `MobileNetV3Large` wrapper in
/// Keras' own file. Python shows each once per place and text. tf-keras logs its own (absl) line,
/// which ConvBook does not print.
enum Keras3ApplicationWarnings {
  static let sizesV1 = [128, 160, 192, 224]
  static let sizesV2 = [96, 128, 160, 192, 224]

  static func message(_ application: Application) -> String? {
    let sizes: String
    switch application {
    case .mobileNet: sizes = "in [128, 160, 192, 224]"
    case .mobileNetV2: sizes = "in [96, 128, 160, 192, 224]"
    case .mobileNetV3Small, .mobileNetV3Large: sizes = "224"
    default: return nil
    }
    return
      "`input_shape` is undefined or non-square, or `rows` is not \(sizes). Weights for input shape (224, 224) will be loaded as the default."
  }

  /// Where Keras 3.15.1 names the warning of MobileNetV3 (the wrapper's `return MobileNetV3(`).
  static func site(_ application: Application) -> KerasWarningSite? {
    let file = "keras/src/applications/mobilenet_v3.py"
    switch application {
    case .mobileNetV3Small:
      return KerasWarningSite(file: file, line: 454, source: "return MobileNetV3(")
    case .mobileNetV3Large:
      return KerasWarningSite(file: file, line: 519, source: "return MobileNetV3(")
    default: return nil
    }
  }

  /// Whether the model Keras 3 built from `arguments` warns: ImageNet weights and rows and
  /// columns (of `input_shape` as `obtain_input_shape` completes it; MobileNetV3 takes an
  /// `input_tensor`'s) that are not a square of a size with weights.
  static func warns(_ application: Application, arguments: ApplicationArguments) -> Bool {
    guard message(application) != nil, arguments.values["weights"] == .string("imagenet") else {
      return false
    }
    var rows: Int?
    var columns: Int?
    switch arguments.values["input_shape"] {
    case .tuple(let items)?, .list(let items)?:
      guard items.count == 3 else { return false }
      if case .int(let value) = items[0] { rows = value }
      if case .int(let value) = items[1] { columns = value }
    default:
      switch application {
      case .mobileNetV3Small, .mobileNetV3Large:
        if let tensor = arguments.inputTensor, tensor.shape.dimensions.count == 4 {
          rows = tensor.shape.dimensions[1]
          columns = tensor.shape.dimensions[2]
        }
      default:
        // `obtain_input_shape` gives the default size with the top, unknown sizes without it.
        if arguments.values["include_top"] != .bool(false) { return false }
      }
    }
    guard let rows, rows == columns else { return true }
    switch application {
    case .mobileNet: return !sizesV1.contains(rows)
    case .mobileNetV2: return !sizesV2.contains(rows)
    default: return rows != 224
    }
  }

  /// Issues the warning for a model `application` just built in a Keras 3 session.
  static func warn(
    _ application: Application, arguments: ApplicationArguments, site callSite: CallSite,
    interpreter: Interpreter
  ) {
    guard interpreter.kerasVersion == .keras3, warns(application, arguments: arguments),
      let message = message(application)
    else { return }
    var warning = KerasWarning(
      category: "UserWarning", message: message, range: callSite.range, site: site(application))
    // Python keys "once" by the text and the line it names.
    let place = warning.site?.location ?? "line \(callSite.range.start.line)"
    warning.namesCallerLine = warning.site == nil
    interpreter.warnOnce(location: place + ": " + message, warning)
  }
}
