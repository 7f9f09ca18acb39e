import CNNEngine

/// What each Keras checks when an optimizer object is made (`keras.optimizers.Adam(lr=1e-4)`),
/// before any training: older tutorials pass `lr=` and `decay=`, which the two versions treat
/// differently. tf-keras 2.21 ignores `lr` (with a logged warning) and refuses `decay`; Keras 3
/// ignores `decay` (with a warning) and refuses `lr` with every other keyword it does not know.
enum OptimizerArguments {
  /// What tf-keras' optimizer logs for `lr=` (`_process_kwargs`, `absl.logging.warning`, which
  /// a script's default handler writes to standard error as `LEVEL:LOGGER:message`), every time.
  static func lrWarning(className: String) -> String {
    "WARNING:absl:`lr` is deprecated in TF-Keras optimizer, please use `learning_rate` or use the legacy optimizer, e.g.,tf.keras.optimizers.legacy.\(className).\n"
  }

  /// Keywords every optimizer takes (`Optimizer.__init__` of each version).
  private static let common: Set<String> = [
    "name", "weight_decay", "clipnorm", "clipvalue", "global_clipnorm", "use_ema",
    "ema_momentum", "ema_overwrite_frequency", "jit_compile",
  ]
  private static let keras3Common: Set<String> = [
    "loss_scale_factor", "gradient_accumulation_steps",
  ]

  /// The keywords of each optimizer class's own signature, or nil for a class not checked here.
  private static func ownKeywords(_ className: String) -> Set<String>? {
    switch className {
    case "SGD": return ["learning_rate", "momentum", "nesterov"]
    case "Adam", "AdamW": return ["learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"]
    case "RMSprop": return ["learning_rate", "rho", "momentum", "epsilon", "centered"]
    case "Adagrad": return ["learning_rate", "initial_accumulator_value", "epsilon"]
    case "Adadelta": return ["learning_rate", "rho", "epsilon"]
    case "Adamax", "Nadam": return ["learning_rate", "beta_1", "beta_2", "epsilon"]
    default: return nil
    }
  }

  /// The keywords to keep in the object (tf-keras drops `lr`, logging `lrWarning` through absl,
  /// which `log` writes to standard error), or the error Keras raises.
  static func check(
    className: String, keywords: [(String, Value)], version: KerasVersion, range: SourceRange,
    log: (String) -> Void = { _ in }
  ) throws(CellError) -> [(String, Value)] {
    guard let own = ownKeywords(className) else { return keywords }
    var known = own.union(common)
    if version == .keras3 { known.formUnion(keras3Common) }
    if version == .keras2 {
      if keywords.contains(where: { $0.0 == "lr" }) { log(lrWarning(className: className)) }
      let kept = keywords.filter { $0.0 != "lr" }
      for (keyword, _) in kept where !known.contains(keyword) {
        if ["decay", "gradient_aggregator", "gradient_transformers"].contains(keyword) {
          throw CellError(
            type: "ValueError",
            message:
              "\(keyword) is deprecated in the new TF-Keras optimizer, please check the docstring for valid arguments, or use the legacy optimizer, e.g., tf.keras.optimizers.legacy.\(className).",
            range: range)
        }
        throw CellError(
          type: "TypeError",
          message:
            "\(keyword) is not a valid argument, kwargs should be empty  for `optimizer_experimental.Optimizer`.",
          range: range)
      }
      return kept
    }
    let kept = keywords.filter { $0.0 != "decay" }
    let unknown = kept.filter { !known.contains($0.0) }
    guard unknown.isEmpty else {
      let items = unknown.map { "\(PythonFormat.quoted($0.0)): \(PythonText.repr($0.1))" }
      throw CellError(
        type: "ValueError",
        message: "Argument(s) not recognized: {\(items.joined(separator: ", "))}", range: range)
    }
    return kept
  }
}
