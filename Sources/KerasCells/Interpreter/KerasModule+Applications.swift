import CNNEngine

/// `keras.applications` in cells: the application functions ConvBook builds (`Application`), the
/// modules tf-keras exports them from, and each module's `preprocess_input` / `decode_predictions`.
/// Names tf-keras has there but ConvBook lacks are refused through `KerasAPINames`.
extension KerasModule {
  /// The modules of `tf_keras.applications` (`mobilenet_v2`, `imagenet_utils`, ...).
  static let applicationModuleNames: Set<String> = Set(
    (KerasAPINames.names["keras.applications"] ?? []).filter {
      KerasAPINames.names["keras.applications." + $0] != nil
    })

  func applicationAttribute(_ name: String) -> Value? {
    switch self {
    case .applications:
      if let application = Application(rawValue: name) {
        return .function(
          Callable(.application(application.rawValue), path: "keras.applications." + name))
      }
      return Self.applicationModuleNames.contains(name) ? .module(.applicationModule(name)) : nil
    case .applicationModule(let module):
      if let application = Application(rawValue: name), application.modules.contains(module) {
        return .function(
          Callable(
            .application(application.rawValue), path: "keras.applications.\(module).\(name)"))
      }
      if name == "preprocess_input" || name == "decode_predictions" {
        return .function(
          Callable(
            .applicationFunction(module: module, name: name),
            path: "keras.applications.\(module).\(name)"))
      }
      return nil
    default: return nil
    }
  }
}
