/// Keras' per-session object-name counters (`backend.unique_object_name`).
///
/// One scope is one Keras session: every layer and model created without an explicit name takes the
/// next free name for its class, `conv2d`, `conv2d_1`, ... The counters only ever grow, also when
/// the object that took a name later fails. Input layers and functional models are named by version:
/// tf-keras says `input_1`, `input_2` (counting from 1), `model` and `<first layer>_input` for the
/// input `input_shape=` creates; Keras 3 says `input_layer`, `input_layer_1`, `functional` and names
/// that hidden input like any other input layer.
public final class NameScope {
  private var counters: [String: Int] = [:]
  /// tf-keras' `get_uid` counters (`nextUID`).
  private var uidCounters: [String: Int] = [:]
  public let kerasVersion: KerasVersion
  /// The global dtype policy layers made without `dtype=` take
  /// (`keras.mixed_precision.set_global_policy("mixed_float16")`), nil for float32: Keras gives
  /// each such layer that policy when it is made (`LayerCatalog.make`).
  public var dtypePolicy: String?
  /// The bases of the automatic layer names noted (`record`) while each recording runs
  /// (`beginRecording`), innermost last.
  private var recordings: [[String]] = []
  /// While positive, layers made are not recorded (a custom layer's `build`, run once).
  private var recordingPauses = 0

  public init(kerasVersion: KerasVersion = .default) {
    self.kerasVersion = kerasVersion
  }

  /// The name `keras.Input(...)` or `InputLayer(...)` gets without `name=`.
  public func inputLayerName() -> String {
    switch kerasVersion {
    case .keras2: return uniqueName("input", zeroBased: false)
    case .keras3: return uniqueName("input_layer")
    }
  }

  /// The name of the input layer a Sequential model creates from its first layer's `input_shape=`
  /// (or from `model.build(shape)`), whose first layer is `firstLayer`.
  public func hiddenInputName(firstLayer: String) -> String {
    switch kerasVersion {
    case .keras2: return firstLayer + "_input"
    case .keras3: return inputLayerName()
    }
  }

  /// Keras 3 names every symbolic tensor it makes, `keras_tensor`, `keras_tensor_1`, ...: an input
  /// layer's (unless the layer was named), each output of a layer call, and each layer output of
  /// every (re)build of a Sequential model. Nil in tf-keras.
  public func kerasTensorName() -> String? {
    kerasVersion == .keras3 ? uniqueName("keras_tensor") : nil
  }

  /// How many `keras_tensor` names were given so far: the number of the next one.
  public var kerasTensorCount: Int { counters["keras_tensor", default: 0] }

  /// The `keras_tensor` name numbered `number` (`keras_tensor`, `keras_tensor_1`, ...).
  public static func kerasTensorName(number: Int) -> String {
    number == 0 ? "keras_tensor" : "keras_tensor_\(number)"
  }

  /// Uses up the next `count` names `kerasTensorName()` would give, in constant time.
  public func skipKerasTensorNames(_ count: Int) {
    guard kerasVersion == .keras3, count > 0 else { return }
    counters["keras_tensor", default: 0] += count
  }

  /// The name `keras.Model(inputs, outputs)` gets without `name=`.
  public func functionalModelName() -> String {
    uniqueName(kerasVersion == .keras2 ? "model" : "functional")
  }

  /// Gives back the name `uniqueName(base)` just handed out, for objects that Keras 3 checks
  /// before naming (`Dense(-1)` fails before it takes `dense_N`).
  public func returnLastName(_ base: String) {
    guard let used = counters[base], used > 0 else { return }
    counters[base] = used - 1
  }

  /// Runs `body`, then gives back every name it took: the layers a script's activation function
  /// makes when ConvBook runs it once to know what it computes, which Keras never names at that
  /// point (tf-keras calls it in a function graph with names of its own; Keras 3's `Activation`
  /// knows its output shape without calling it).
  public func withoutTakingNames<Result, Failure: Error>(
    _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let saved = (counters, recordings)
    defer { (counters, recordings) = saved }
    return try body()
  }

  /// Starts recording the automatic names of the layers made (`record`): what a second run of
  /// the same code would take again (Keras 3 runs a custom layer's `call` twice at its first
  /// call when it builds the layer by running it).
  public func beginRecording() { recordings.append([]) }

  /// Notes that a layer was made with the automatic name of `base` (`conv2d_3`), for the
  /// recordings under way.
  public func record(_ base: String) {
    guard recordingPauses == 0 else { return }
    for index in recordings.indices { recordings[index].append(base) }
  }

  /// Notes a layer of class `className` named `name`, when that is its class's automatic name.
  public func recordLayer(named name: String, className: String) {
    guard !recordings.isEmpty else { return }
    let base = Self.nameBases[className] ?? Self.snakeCase(className)
    let suffix = name.dropFirst(base.count)
    guard name.hasPrefix(base),
      suffix.isEmpty || (suffix.first == "_" && suffix.dropFirst().allSatisfy(\.isNumber))
    else { return }
    record(base)
  }

  /// Ends the innermost recording: the bases of the names taken since it began, in order.
  public func endRecording() -> [String] { recordings.popLast() ?? [] }

  /// Runs `body` without recording the layers it makes (code Keras runs once).
  public func withoutRecording<Result, Failure: Error>(
    _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    recordingPauses += 1
    defer { recordingPauses -= 1 }
    return try body()
  }

  /// Takes the next name of each base again, as code that runs a second time does; these names
  /// are not recorded (the objects that took them exist only in Keras' second run).
  public func takeAgain(_ bases: [String]) {
    for base in bases { counters[base, default: 0] += 1 }
  }

  /// Whether `uniqueName` has handed out `name` (`base` itself, or `base_N`).
  public func hasGiven(_ name: String) -> Bool {
    if counters[name, default: 0] > 0 { return true }
    guard let underscore = name.lastIndex(of: "_"),
      let number = Int(name[name.index(after: underscore)...]), number > 0
    else { return false }
    return counters[String(name[..<underscore]), default: 0] > number
  }

  /// The next automatic name for an object whose snake-case class name is `base`.
  public func uniqueName(_ base: String, zeroBased: Bool = true) -> String {
    let used = counters[base, default: 0]
    counters[base] = used + 1
    if zeroBased { return used == 0 ? base : "\(base)_\(used)" }
    return "\(base)_\(used + 1)"
  }

  /// `keras.backend.get_uid(prefix)`, counted up and returned: Keras 3 counts in the table
  /// automatic names read (a `Dense` made after `get_uid("dense")` is `dense_1`... of the next
  /// number), tf-keras in a table of its own (`PER_GRAPH_OBJECT_NAME_UIDS`, which layer names do
  /// not use). Both are cleared with the session.
  public func nextUID(_ prefix: String) -> Int {
    switch kerasVersion {
    case .keras3:
      let next = counters[prefix, default: 0] + 1
      counters[prefix] = next
      return next
    case .keras2:
      let next = uidCounters[prefix, default: 0] + 1
      uidCounters[prefix] = next
      return next
    }
  }

  /// The automatic name for an instance of the Keras class `className`.
  public func uniqueName(forClass className: String) -> String {
    uniqueName(Self.nameBases[className] ?? Self.snakeCase(className))
  }

  /// Classes whose default name is not `to_snake_case` of the class name (`ConvLSTM2D` names
  /// itself `conv_lstm2d`, not `conv_lst_m2d`).
  static let nameBases = [
    "ConvLSTM1D": "conv_lstm1d", "ConvLSTM2D": "conv_lstm2d", "ConvLSTM3D": "conv_lstm3d",
  ]

  /// Keras' `to_snake_case`: `Conv2D` -> `conv2d`, `MaxPooling2D` -> `max_pooling2d`, `ReLU` -> `re_lu`.
  public static func snakeCase(_ name: String) -> String {
    // Rule 1: insert "_" between any character and an uppercase letter followed by lowercase
    // letters (`(.)([A-Z][a-z]+)`: `FCN8s` stays `fcn8s` in both Keras versions).
    let characters = Array(name)
    var first = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if index > 0, character.isUppercase, index + 1 < characters.count,
        isLowercaseASCII(characters[index + 1])
      {
        first.append("_")
      }
      first.append(character)
      index += 1
    }
    // Rule 2: insert "_" between a lowercase letter and an uppercase letter.
    let intermediate = Array(first)
    var second = ""
    for (position, character) in intermediate.enumerated() {
      if position > 0, character.isUppercase, isLowercaseASCII(intermediate[position - 1]) {
        second.append("_")
      }
      second.append(character)
    }
    let lowered = second.lowercased()
    return lowered.hasPrefix("_") ? "private" + lowered : lowered
  }

  private static func isLowercaseASCII(_ character: Character) -> Bool {
    ("a"..."z").contains(character)
  }
}
