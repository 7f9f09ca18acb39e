/// What TensorFlow tells a script about the machine and its own settings, as the CPU install that
/// ConvBook reproduces answers it (measured with tensorflow-cpu 2.21): the device checks at the top
/// of tutorials (`if not tf.config.list_physical_devices('GPU'): print("No GPU was detected")`,
/// `tf.test.gpu_device_name()`) and the calls that only quieten TensorFlow's log
/// (`tf.get_logger().setLevel('ERROR')`, `tf.autograph.set_verbosity(0)`,
/// `tf.compat.v1.logging.set_verbosity(...)`). Any other name of these modules is ConvBook's
/// limitation (`StandardLibrary.unsupportedName`).
enum TensorFlowEnvironment {
  /// The modules, reached as `.standard` modules through `tf.config`, `tf.test`, ...
  static let modules: Set<String> = [
    "tensorflow.config", "tensorflow.config.experimental", "tensorflow.test",
    "tensorflow.autograph", "tensorflow.compat.v1.logging", "tensorflow.version",
    "tensorflow.compat.v1.version", "tensorflow.compat.v2.version",
  ]

  /// `tf.NAME` for the names of the `tensorflow` module itself that this file answers.
  static func tensorflowAttribute(_ name: String) -> Value? {
    switch name {
    case "config", "test", "autograph", "version":
      return .module(.standard("tensorflow." + name))
    case "executing_eagerly", "get_logger": return StandardLibrary.function("tensorflow", name)
    // `tf.is_tensor(x)` answers from the value's class (`TensorFlowClasses`); the function is
    // TensorFlow's `is_tf_type`.
    case "is_tensor": return StandardLibrary.function("tensorflow", "is_tf_type")
    default: return nil
    }
  }

  static func attribute(_ name: String, of module: String) -> Value? {
    switch (module, name) {
    case ("tensorflow.config", "experimental"):
      return .module(.standard(module + "." + name))
    case ("tensorflow.config", _):
      return configFunctions.contains(name) ? StandardLibrary.function(module, name) : nil
    case ("tensorflow.config.experimental", _):
      return experimentalConfigFunctions.contains(name)
        ? StandardLibrary.function(module, name) : nil
    case ("tensorflow.test", "is_gpu_available"), ("tensorflow.test", "gpu_device_name"),
      ("tensorflow.test", "is_built_with_cuda"), ("tensorflow.autograph", "set_verbosity"),
      ("tensorflow.compat.v1.logging", "set_verbosity"):
      return StandardLibrary.function(module, name)
    case ("tensorflow.version", "VERSION"), ("tensorflow.compat.v1.version", "VERSION"),
      ("tensorflow.compat.v2.version", "VERSION"):
      return .string(KerasModule.version)
    case ("tensorflow.compat.v1.logging", _):
      return logLevels[name].map(Value.int)
    default: return nil
    }
  }

  private static let configFunctions: Set<String> = [
    "list_physical_devices", "list_logical_devices", "get_visible_devices",
    "run_functions_eagerly",
  ]
  /// `tf.config.experimental`'s: `set_memory_growth` and `enable_op_determinism` are there only.
  private static let experimentalConfigFunctions: Set<String> = [
    "list_physical_devices", "list_logical_devices", "get_visible_devices", "set_memory_growth",
    "enable_op_determinism",
  ]

  /// The public names of these modules in TensorFlow 2.21 (`dir(tf.config)`, ...): a name one
  /// lacks is Python's AttributeError (`tf.config.gpu`, `tf.config.set_memory_growth`), one it
  /// has and ConvBook does not answer is ConvBook's limitation.
  static let publicNames: [String: Set<String>] = [
    "tensorflow.config": [
      "LogicalDevice", "LogicalDeviceConfiguration", "PhysicalDevice", "experimental",
      "experimental_connect_to_cluster", "experimental_connect_to_host",
      "experimental_functions_run_eagerly", "experimental_run_functions_eagerly",
      "functions_run_eagerly", "get_logical_device_configuration", "get_soft_device_placement",
      "get_visible_devices", "list_logical_devices", "list_physical_devices", "optimizer",
      "run_functions_eagerly", "set_logical_device_configuration", "set_soft_device_placement",
      "set_visible_devices", "threading",
    ],
    "tensorflow.config.experimental": [
      "ClusterDeviceFilters", "VirtualDeviceConfiguration", "disable_mlir_bridge",
      "enable_mlir_bridge", "enable_op_determinism", "enable_tensor_float_32_execution",
      "get_device_details", "get_device_policy", "get_memory_growth", "get_memory_info",
      "get_memory_usage", "get_synchronous_execution", "get_virtual_device_configuration",
      "get_visible_devices", "list_logical_devices", "list_physical_devices",
      "reset_memory_stats", "set_device_policy", "set_memory_growth", "set_synchronous_execution",
      "set_virtual_device_configuration", "set_visible_devices",
      "tensor_float_32_execution_enabled",
    ],
    "tensorflow.test": [
      "Benchmark", "TestCase", "assert_equal_graph_def", "benchmark_config", "compute_gradient",
      "create_local_cluster", "disable_with_predicate", "experimental", "gpu_device_name",
      "is_built_with_cuda", "is_built_with_gpu_support", "is_built_with_rocm",
      "is_built_with_xla", "is_cpu_target_available", "is_gpu_available", "main",
      "with_eager_op_as_function",
    ],
    "tensorflow.autograph": ["experimental", "set_verbosity", "to_code", "to_graph", "trace"],
    "tensorflow.version": versionNames, "tensorflow.compat.v1.version": versionNames,
    "tensorflow.compat.v2.version": versionNames,
    "tensorflow.compat.v1.logging": [
      "DEBUG", "ERROR", "FATAL", "INFO", "TaskLevelStatusMessage", "WARN", "debug", "error",
      "fatal", "flush", "get_verbosity", "info", "log", "log_every_n", "log_first_n", "log_if",
      "set_verbosity", "vlog", "warn", "warning",
    ],
  ]

  /// `tf.version` (and the same module of `tf.compat.v1`, `tf.compat.v2`).
  private static let versionNames: Set<String> = [
    "COMPILER_VERSION", "GIT_VERSION", "GRAPH_DEF_VERSION", "GRAPH_DEF_VERSION_MIN_CONSUMER",
    "GRAPH_DEF_VERSION_MIN_PRODUCER", "VERSION",
  ]

  /// `tf.compat.v1.logging`'s levels, Python's `logging` levels.
  private static let logLevels: [String: Int] = [
    "DEBUG": 10, "INFO": 20, "WARN": 30, "ERROR": 40, "FATAL": 50,
  ]

  static func call(_ module: String, _ name: String, _ arguments: StandardArguments)
    throws(CellError) -> Value?
  {
    switch (module, name) {
    case ("tensorflow", "executing_eagerly"), ("tensorflow.test", "is_built_with_cuda"):
      try arguments.bind([])
      return .bool(name == "executing_eagerly" || module == "tensorflow.test")
    case ("tensorflow", "is_tf_type"):
      let (values, _) = try arguments.bind([("x", nil)])
      return .bool(TensorFlowClasses.isTensor(values["x"]!, session: arguments.interpreter.session))
    case ("tensorflow", "get_logger"):
      try arguments.bind([])
      return try StandardLogging.call(
        "getLogger",
        StandardArguments(
          function: "getLogger", positional: [.string("tensorflow")], keywords: [],
          site: arguments.site, interpreter: arguments.interpreter))
    case ("tensorflow.test", "is_gpu_available"):
      try arguments.bind([("cuda_only", .bool(false)), ("min_cuda_compute_capability", Value.none)])
      return .bool(false)
    case ("tensorflow.test", "gpu_device_name"):
      try arguments.bind([])
      return .string("")
    case ("tensorflow.autograph", "set_verbosity"):
      try arguments.bind([("level", nil), ("alsologtostdout", .bool(false))])
      return Value.none
    case ("tensorflow.compat.v1.logging", "set_verbosity"):
      try arguments.bind([("v", nil)])
      return Value.none
    case (_, "list_physical_devices"), (_, "list_logical_devices"), (_, "get_visible_devices"):
      let (values, _) = try arguments.bind([("device_type", Value.none)])
      return try devices(
        ofType: values["device_type"]!, logical: name == "list_logical_devices", arguments)
    case (_, "run_functions_eagerly"):
      // ConvBook runs every `tf.function` eagerly already; what differs is that Keras'
      // activations cache no logits then (`EagerGradients.inGraph`).
      let (values, _) = try arguments.bind([("run_eagerly", nil)])
      arguments.interpreter.session.eagerTapes.functionsRunEagerly =
        values["run_eagerly"]!.isTruthy
      return Value.none
    case (_, "enable_op_determinism"):
      // ConvBook's kernels are deterministic already.
      try arguments.bind([])
      return Value.none
    case (_, "set_memory_growth"):
      // Scripts call it for each GPU found, and there is none: only a CPU device can reach it,
      // which TensorFlow refuses.
      try arguments.bind([("device", nil), ("enable", nil)])
      throw .unsupported(
        "ConvBook does not support `tf.config.experimental.set_memory_growth` of a CPU device yet",
        at: arguments.range)
    default: return nil
    }
  }

  /// The devices of `type` (`None`: all of them): the one CPU, as a `PhysicalDevice` (or, for the
  /// logical list, a `LogicalDevice`) named as TensorFlow names it.
  private static func devices(ofType type: Value, logical: Bool, _ arguments: StandardArguments)
    throws(CellError) -> Value
  {
    switch type {
    case .none: break
    case .string(let name):
      guard name == "CPU" else { return .list(PythonList([])) }
    default:
      throw .unsupported(
        "ConvBook does not support a device type of type \(type.typeName) yet",
        at: arguments.range)
    }
    let deviceType = NamedTupleType(
      name: logical ? "LogicalDevice" : "PhysicalDevice", fields: ["name", "device_type"],
      defaults: [], module: "tensorflow.python.eager.context")
    let name = logical ? "/device:CPU:0" : "/physical_device:CPU:0"
    let device = NamedTupleInstance(type: deviceType, items: [.string(name), .string("CPU")])
    return .list(PythonList([.standard(device)]))
  }
}
