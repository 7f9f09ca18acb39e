import CNNEngine

/// The parameters of `keras.callbacks`' constructors in each Keras, in one place: Python binds a
/// callback's arguments when it is made, so `TensorBoard(write_grads=True)` (a tf-keras keyword
/// that Keras 3 dropped) and `ModelCheckpoint(path, period=5)` fail in Keras 3 on the line that
/// makes them, before anything after it prints; `fit` reads the arguments by the same names.
enum CallbackSignatures {
  typealias Signature = ParameterBinding

  /// Keras 3.15's callbacks.
  static let keras3: [String: Signature] = [
    "BackupAndRestore": Signature(
      ["backup_dir", "save_freq", "double_checkpoint", "delete_checkpoint"], required: 1),
    "CSVLogger": Signature(["filename", "separator", "append"], required: 1),
    "EarlyStopping": Signature(earlyStopping),
    "History": Signature([]),
    "LambdaCallback": Signature(
      [
        "on_epoch_begin", "on_epoch_end", "on_train_begin", "on_train_end",
        "on_train_batch_begin", "on_train_batch_end",
      ], keepsKeywords: true),
    "LearningRateScheduler": Signature(["schedule", "verbose"], required: 1),
    "ModelCheckpoint": Signature(
      [
        "filepath", "monitor", "verbose", "save_best_only", "save_weights_only", "mode",
        "save_freq", "initial_value_threshold",
      ], required: 1),
    "ProgbarLogger": Signature([]),
    "ReduceLROnPlateau": Signature(reduceOnPlateau, keepsKeywords: true),
    "RemoteMonitor": Signature(remoteMonitor),
    "SwapEMAWeights": Signature(["swap_on_epoch"]),
    "TensorBoard": Signature(tensorBoard),
    "TerminateOnNaN": Signature(["raise_error"]),
  ]

  /// tf-keras 2.21's callbacks.
  static let tfKeras: [String: Signature] = [
    "BackupAndRestore": Signature(
      ["backup_dir", "save_freq", "delete_checkpoint", "save_before_preemption"], required: 1),
    "BaseLogger": Signature(["stateful_metrics"]),
    "CSVLogger": Signature(["filename", "separator", "append"], required: 1),
    "EarlyStopping": Signature(earlyStopping),
    "History": Signature([]),
    "LambdaCallback": Signature(
      [
        "on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end", "on_train_begin",
        "on_train_end",
      ], keepsKeywords: true),
    "LearningRateScheduler": Signature(["schedule", "verbose"], required: 1),
    // `**kwargs` keeps the deprecated `period` and `load_weights_on_restart`.
    "ModelCheckpoint": Signature(
      [
        "filepath", "monitor", "verbose", "save_best_only", "save_weights_only", "mode",
        "save_freq", "options", "initial_value_threshold",
      ], required: 1, keepsKeywords: true),
    "ProgbarLogger": Signature(["count_mode", "stateful_metrics"]),
    // `**kwargs` keeps the deprecated `epsilon`, which replaces `min_delta`.
    "ReduceLROnPlateau": Signature(reduceOnPlateau, keepsKeywords: true),
    "RemoteMonitor": Signature(remoteMonitor),
    // `**kwargs` keeps TensorFlow 1's keywords (`_validate_kwargs`).
    "TensorBoard": Signature(tensorBoard, keepsKeywords: true),
    "TerminateOnNaN": Signature([]),
  ]

  private static let earlyStopping = [
    "monitor", "min_delta", "patience", "verbose", "mode", "baseline", "restore_best_weights",
    "start_from_epoch",
  ]
  private static let reduceOnPlateau = [
    "monitor", "factor", "patience", "verbose", "mode", "min_delta", "cooldown", "min_lr",
  ]
  private static let remoteMonitor = ["root", "path", "field", "headers", "send_as_json"]
  private static let tensorBoard = [
    "log_dir", "histogram_freq", "write_graph", "write_images", "write_steps_per_second",
    "update_freq", "profile_batch", "embeddings_freq", "embeddings_metadata",
  ]

  /// The TensorFlow 1 keywords tf-keras' `TensorBoard` takes (and ignores, with a warning).
  private static let tensorBoardLegacyKeywords: Set<String> = [
    "write_grads", "batch_size", "embeddings_layer_names", "embeddings_data",
  ]

  static func signature(_ className: String, version: KerasVersion) -> Signature? {
    (version == .keras3 ? keras3 : tfKeras)[className]
  }

  /// Binds `ClassName(positional..., keywords...)` as CPython does: an unknown keyword, a
  /// parameter given twice, too many positional arguments, then a missing required one; then
  /// tf-keras' `TensorBoard` checks the keywords its `**kwargs` kept.
  static func bind(
    _ className: String, positional: Int, keywords: [String], version: KerasVersion,
    range: SourceRange
  ) throws(CellError) {
    guard let signature = signature(className, version: version) else { return }
    try signature.bind(
      function: "\(className).__init__()", positional: positional, keywords: keywords,
      range: range)
    if version == .keras2, className == "TensorBoard",
      keywords.contains(where: {
        !signature.parameters.contains($0) && !tensorBoardLegacyKeywords.contains($0)
      })
    {
      throw .unsupported(
        "ConvBook does not print tf-keras' ValueError for TensorBoard's unknown keywords: it lists the supported ones as a Python set, whose order changes from run to run",
        at: range)
    }
  }
}
