/// The constructor parameters of one Keras layer class, in Python's positional order.
public struct LayerSignature: Sendable {
  public struct Parameter: Sendable {
    public var name: String
    /// nil marks a required parameter.
    public var defaultValue: ArgumentValue?

    /// An optional parameter and its default.
    public init(_ name: String, _ defaultValue: ArgumentValue) {
      self.name = name
      self.defaultValue = defaultValue
    }

    private init(required name: String) {
      self.name = name
      self.defaultValue = nil
    }

    /// A parameter without default, which a call must supply.
    public static func required(_ name: String) -> Parameter { Parameter(required: name) }
  }

  public var className: String
  public var parameters: [Parameter]
  /// Keyword-only parameters beyond Keras' base-layer ones (e.g. `Input`'s `shape`).
  public var acceptsBaseKeywords: Bool

  public init(_ className: String, _ parameters: [Parameter], acceptsBaseKeywords: Bool = true) {
    self.className = className
    self.parameters = parameters
    self.acceptsBaseKeywords = acceptsBaseKeywords
  }

  /// Keyword arguments every Keras 2 layer accepts through `**kwargs` (`base_layer.Layer.__init__`).
  public static let baseKeywords: Set<String> = [
    "name", "trainable", "dtype", "dynamic", "input_dim", "input_shape", "batch_input_shape",
    "batch_size", "weights", "activity_regularizer", "autocast", "implementation",
  ]

  /// The keywords of a call that neither a parameter nor the base layer takes, in call order
  /// (Keras 3 names them all at once; `bind` refuses the first, as tf-keras does).
  public func unknownKeywords(_ keywords: [(String, ArgumentValue)]) -> [String] {
    keywords.map(\.0).filter { keyword in
      !parameters.contains { $0.name == keyword }
        && !(acceptsBaseKeywords && Self.baseKeywords.contains(keyword))
    }
  }

  /// Binds call arguments to parameters the way Python does, then checks keywords the way Keras does.
  public func bind(positional: [ArgumentValue], keywords: [(String, ArgumentValue)])
    throws(KerasError)
    -> LayerArguments
  {
    var values: [String: ArgumentValue] = [:]
    if positional.count > parameters.count {
      let required = parameters.filter { $0.defaultValue == nil }.count
      let accepted =
        required == parameters.count
        ? "\(parameters.count + 1)" : "from \(required + 1) to \(parameters.count + 1)"
      throw .typeError(
        "\(className).__init__() takes \(accepted) positional arguments but \(positional.count + 1) were given"
      )
    }
    for (parameter, value) in zip(parameters, positional) { values[parameter.name] = value }
    var base: [String: ArgumentValue] = [:]
    // A keyword the layer's own parameters lack goes to its `**kwargs`, which the base layer checks
    // in its own __init__: Python reports a missing positional argument first
    // (`Dense(output_dim=3)`: missing 'units').
    var notUnderstood: String?
    for (keyword, value) in keywords {
      if parameters.contains(where: { $0.name == keyword }) {
        if values[keyword] != nil {
          throw .typeError("\(className).__init__() got multiple values for argument '\(keyword)'")
        }
        values[keyword] = value
      } else if acceptsBaseKeywords && Self.baseKeywords.contains(keyword) {
        base[keyword] = value
      } else if acceptsBaseKeywords {
        notUnderstood = notUnderstood ?? keyword
      } else {
        throw .typeError("('Keyword argument not understood:', \(PythonFormat.quoted(keyword)))")
      }
    }
    let missing = parameters.filter { $0.defaultValue == nil && values[$0.name] == nil }.map(\.name)
    if !missing.isEmpty {
      let names = missing.map { "'\($0)'" }
      let list =
        names.count == 1
        ? names[0]
        : names.dropLast().joined(separator: ", ") + (names.count > 2 ? "," : "") + " and " + names
          .last!
      throw .typeError(
        "\(className).__init__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
      )
    }
    if let keyword = notUnderstood {
      throw .typeError("('Keyword argument not understood:', \(PythonFormat.quoted(keyword)))")
    }
    for parameter in parameters where values[parameter.name] == nil {
      values[parameter.name] = parameter.defaultValue
    }
    return LayerArguments(className: className, values: values, baseKeywords: base)
  }
}
