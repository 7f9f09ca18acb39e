import CNNEngine

/// `keras.mixed_precision` in both Kerases (and Keras 3's `keras.config.set_dtype_policy` /
/// `dtype_policy`, the same functions): the global dtype policy that layers made without `dtype=`
/// take. Building, summaries and the dtypes a script reads are exact under any policy (a mixed
/// policy keeps weights in float32, so their sizes and initial draws do not change); running a
/// model while the policy computes in another type is refused (`CellTraining.runningWeights`,
/// and each layer made then by its `dtype`, `LayerPrecision`), as ConvBook computes in float32.
/// Keras 3's `clear_session()` resets the policy to float32; tf-keras' keeps it.
enum MixedPrecision {
  /// The policies ConvBook models: float32 and the half-precision and float64 ones it refuses to
  /// run (Keras takes any float dtype's name, and tf-keras any dtype's).
  static let policyNames: Set<String> = [
    "float32", "mixed_float16", "mixed_bfloat16", "float16", "bfloat16", "float64",
  ]

  /// `dir(keras.mixed_precision)` in Keras 3 (tf-keras' is the first four of these).
  static let moduleNames: Set<String> = [
    "LossScaleOptimizer", "Policy", "global_policy", "set_global_policy", "DTypePolicy",
    "dtype_policy", "set_dtype_policy",
  ]

  /// `keras.mixed_precision.name` (or `keras.config.name`), or nil for a name ConvBook does not
  /// model (`LossScaleOptimizer`, refused by name).
  static func attribute(_ name: String, module: String, keras3: Bool) -> Value? {
    let function: String
    let own = module == "keras.mixed_precision"
    switch name {
    case "set_global_policy" where own, "global_policy" where own, "Policy" where own:
      function = name
    case "DTypePolicy" where own && keras3: function = "Policy"
    case "set_dtype_policy" where keras3: function = "set_global_policy"
    case "dtype_policy" where keras3: function = "global_policy"
    default: return nil
    }
    return .function(
      Callable(.builtin("keras.mixed_precision." + function), path: module + "." + name))
  }

  static func call(
    _ function: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let session = interpreter.session
    let keras3 = interpreter.kerasVersion == .keras3
    switch function {
    case "global_policy":
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "\(keras3 ? "dtype_policy" : "global_policy")() takes 0 positional arguments but \(positional.count) were given",
          range: site.range)
      }
      return .standard(globalPolicy(session: session))
    case "Policy":
      let name = try argument("name", positional: positional, keywords: keywords, site: site)
      guard case .string(let text) = name else {
        throw .unsupported(
          "ConvBook does not support a dtype policy made from \(name.typeName) yet", at: site.range)
      }
      return .standard(
        LayerDTypePolicy(keras3: keras3, name: try checked(text, site: site, keras3: keras3)))
    case "set_global_policy":
      let given = try argument("policy", positional: positional, keywords: keywords, site: site)
      let policy: LayerDTypePolicy
      switch given {
      case .standard(let object as LayerDTypePolicy): policy = object
      case .string(let text):
        policy = LayerDTypePolicy(
          keras3: keras3, name: try checked(text, site: site, keras3: keras3))
      case .none where !keras3:
        // tf-keras: None restores the default, `floatx()`.
        policy = LayerDTypePolicy(keras3: false)
      case .none:
        throw CellError(
          type: "ValueError",
          message:
            "Invalid `policy` argument. Expected the string name of a policy (such as 'mixed_float16') or a `DTypePolicy` instance. Received: policy=None (of type <class 'NoneType'>)",
          range: site.range)
      default:
        throw .unsupported(
          "ConvBook does not support a global dtype policy given as \(given.typeName) yet",
          at: site.range)
      }
      set(policy, session: session, names: interpreter.kerasNames)
      return .none
    default:
      throw .unsupported(
        "ConvBook does not support `keras.mixed_precision.\(function)` yet", at: site.range)
    }
  }

  /// The global policy object (`global_policy()` returns the one `set_global_policy` was given).
  static func globalPolicy(session: KerasSession) -> LayerDTypePolicy {
    if let policy = session.globalDTypePolicy { return policy }
    let made = LayerDTypePolicy(keras3: session.kerasVersion == .keras3)
    session.globalDTypePolicy = made
    return made
  }

  /// Makes `policy` the global one: layers made from now on take it (`NameScope.dtypePolicy`).
  static func set(_ policy: LayerDTypePolicy, session: KerasSession, names: NameScope) {
    session.globalDTypePolicy = policy
    names.dtypePolicy = policy.name == "float32" ? nil : policy.name
    let compute = LayerPrecision.computeDType(of: policy.name)
    session.training.otherPrecisionPolicy = compute == "float32" ? nil : policy.name
  }

  /// Keras 3's `clear_session()`: the policy is float32 again.
  static func reset(session: KerasSession) {
    session.globalDTypePolicy = nil
    session.training.otherPrecisionPolicy = nil
  }

  /// The one argument `name` of the functions here, given by position or keyword.
  private static func argument(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    if positional.count == 1, keywords.isEmpty { return positional[0] }
    if positional.isEmpty, keywords.count == 1, keywords[0].0 == name { return keywords[0].1 }
    throw .unsupported(
      "ConvBook does not support these arguments of a dtype policy function yet", at: site.range)
  }

  /// `name` when it is a policy ConvBook models; Keras' ValueError for a name that is no dtype.
  private static func checked(_ name: String, site: CallSite, keras3: Bool) throws(CellError)
    -> String
  {
    if policyNames.contains(name) { return name }
    if TensorFlowDType.attribute(name) != nil {
      throw .unsupported(
        "ConvBook does not support the dtype policy \"\(name)\" yet", at: site.range)
    }
    let message =
      keras3
      ? "Cannot convert '\(name)' to a mixed precision DTypePolicy. Valid policies include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as 'float32'."
      : "Cannot convert value \(name) to a mixed precision Policy. Valid policies include 'mixed_float16', 'mixed_bfloat16', and the name of any dtype such as 'float32'."
    throw CellError(type: "ValueError", message: message, range: site.range)
  }
}
