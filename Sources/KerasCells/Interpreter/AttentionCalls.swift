import CNNEngine

/// The call arguments of Keras' attention layers, bound as Python binds them:
/// `mha(query, value, key=None, attention_mask=None, return_attention_scores=False, training=None,
/// use_causal_mask=False)` and `attention(inputs, mask=None, training=None,
/// return_attention_scores=False, use_causal_mask=False)`. What ConvBook computes is the call on
/// tensors: the query, value and key become the list the layer is called on.
enum AttentionCalls {
  /// The tensors argument for `callLayer`: a list `[query, value(, key)]` of a `MultiHeadAttention`
  /// call, or an `Attention` call's own first argument.
  static func tensorsArgument(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    kerasVersion: KerasVersion
  ) throws(CellError) -> Value {
    let multiHead = instance.layer is MultiHeadAttention
    var parameters =
      multiHead
      ? [
        "query", "value", "key", "attention_mask", "return_attention_scores", "training",
        "use_causal_mask",
      ]
      : ["inputs", "mask", "training", "return_attention_scores", "use_causal_mask"]
    if multiHead, kerasVersion == .keras3 {
      parameters.insert(contentsOf: ["query_mask", "value_mask", "key_mask"], at: 3)
    }
    let required = multiHead ? 2 : 1
    let function = "\(instance.className).call()"
    if positional.count > parameters.count {
      throw CellError(
        type: "TypeError",
        message:
          "\(function) takes from \(required + 1) to \(parameters.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var bound: [String: Value] = [:]
    for (parameter, value) in zip(parameters, positional) { bound[parameter] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw CellError(
          type: "TypeError", message: "\(function) got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      if bound[label] != nil {
        throw CellError(
          type: "TypeError", message: "\(function) got multiple values for argument '\(label)'",
          range: site.range)
      }
      bound[label] = value
    }
    let missing = parameters.prefix(required).filter { bound[$0] == nil }
    if let first = missing.first, kerasVersion == .keras3 {
      // Keras 3 binds a call's arguments with `inspect.signature(...).bind`.
      throw CellError(
        type: "TypeError", message: "missing a required argument: '\(first)'", range: site.range)
    }
    if !missing.isEmpty {
      let names = missing.map { "'\($0)'" }
      throw CellError(
        type: "TypeError",
        message:
          "\(function) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(names.joined(separator: " and "))",
        range: site.range)
    }
    if let value = bound["return_attention_scores"], value.isTruthy {
      throw .unsupported(
        "ConvBook does not support return_attention_scores=True in \(instance.className) calls yet",
        at: site.range)
    }
    do {
      try instance.noteCausalMask(bound["use_causal_mask"]?.isTruthy ?? false)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    for mask in ["attention_mask", "mask", "query_mask", "value_mask", "key_mask"] {
      if let value = bound[mask], !isNone(value) {
        throw .unsupported(
          "ConvBook does not support \(mask)= in \(instance.className) calls yet", at: site.range)
      }
    }
    guard multiHead else { return bound["inputs"]! }
    var tensors = [bound["query"]!, bound["value"]!]
    if let key = bound["key"], !isNone(key) { tensors.append(key) }
    return .list(PythonList(tensors))
  }

  /// Keras 3's `MultiHeadAttention.build` creates a `Softmax` and a `Dropout` without names,
  /// which take the next `softmax` and `dropout` names of the session; tf-keras' do not.
  static func nameSublayers(of instance: LayerInstance, names: NameScope) {
    guard instance.layer is MultiHeadAttention, !instance.isBuilt, names.kerasVersion == .keras3
    else { return }
    _ = names.uniqueName(forClass: "Softmax")
    _ = names.uniqueName(forClass: "Dropout")
  }

  private static func isNone(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
  }
}
