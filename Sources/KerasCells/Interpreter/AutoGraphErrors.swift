import CNNEngine

/// What TensorFlow raises for an exception that leaves a `tf.function` called from Python: the
/// function runs as code AutoGraph converted, so the exception comes back as one of its type (for
/// the types AutoGraph knows how to remake) whose message is AutoGraph's "in user code:" text:
/// the frames from the function down to where it was raised (the converted ones marked `*`, the
/// frame that called into code AutoGraph leaves as it is marked `**`), then the exception's own
/// `Type: message`, each line indented. Python's traceback leaves out the converted frames, which
/// run in files AutoGraph generates.
///
/// ConvBook words the case where the exception came out of a custom layer's or subclassed model's
/// `call` that the function called (Keras' "Exception encountered when calling" text): Keras 3
/// calls `call` unconverted, through its `error_handler`, which keeps only the script's frames.
/// tf-keras converts each `call` with AutoGraph as well, and the text then quotes lines of the
/// files AutoGraph generates (temporary files of random names), which ConvBook refuses.
/// Other exceptions (raised by Keras' own code or by TensorFlow's, directly in the function) are
/// left as they are.
enum AutoGraphErrors {
  /// The types AutoGraph remakes with its text (`KNOWN_STRING_CONSTRUCTOR_ERRORS`).
  static let remadeTypes: Set<String> = [
    "AssertionError", "AttributeError", "NameError", "NotImplementedError", "RuntimeError",
    "StopIteration", "TypeError", "UnboundLocalError", "ValueError",
  ]

  static let keras3Handler =
    "    File \"keras/src/utils/traceback_utils.py\", line 122, in error_handler  **\n"
    + "        raise e.with_traceback(filtered_tb) from None\n"

  /// The exception `error` as it leaves the `tf.function` called at `site`.
  static func leavingFunction(
    _ error: CellError, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> CellError {
    guard interpreter.tfFunctionDepth == 1, let type = error.type, error.chained == nil,
      !error.message.hasPrefix("in user code:"), error.callers.first?.range == site.range,
      error.message.hasPrefix("Exception encountered when calling")
    else { return error }
    // The frames inside the function, outermost first: where each call was made, then where the
    // exception was raised.
    let frames =
      error.callers.dropFirst().map { ($0.range, $0.function) }
      + [(error.tracebackRange ?? error.range, error.function ?? "<module>")]
    // The first `call` Keras ran: the frames before it are converted.
    guard let boundary = frames.indices.dropFirst().first(where: { frames[$0].1 == "call" })
    else { return error }
    guard interpreter.kerasVersion == .keras3 else {
      let headline = error.message.split(separator: "\n", omittingEmptySubsequences: false)
      throw .unsupported(
        "ConvBook does not print tf-keras' AutoGraph text of an exception raised in a layer's call() inside a tf.function yet (it quotes the code AutoGraph generates for each call() in temporary files): \(type): \(headline.first ?? "")",
        at: site.range)
    }
    guard remadeTypes.contains(type) else { return error }
    let session = interpreter.session
    func sourceLine(_ number: Int) -> String? {
      for index in session.cellSources.keys.sorted() {
        let lines = session.cellSources[index]!.split(
          separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { continue }
        let line = lines[number - 1].trimmingCharacters(in: .whitespaces)
        if !line.isEmpty { return line }
      }
      return nil
    }
    guard let script = session.scriptName else { return error }
    var text = "in user code:\n\n"
    for (index, frame) in frames.enumerated() {
      guard let line = sourceLine(frame.0.start.line) else { return error }
      if index == boundary { text += keras3Handler }
      text +=
        "    File \"\(script)\", line \(frame.0.start.line), in \(frame.1)\(index < boundary ? "  *" : "")\n        \(line)\n"
    }
    text += "\n"
    text +=
      "\(type): \(error.message)".split(separator: "\n", omittingEmptySubsequences: false)
      .map { "    " + $0 }.joined(separator: "\n")
    text += "\n"
    var wrapped = error
    wrapped.message = text
    wrapped.suggestion = nil
    wrapped.arguments = nil
    // Python's traceback: the call of the function, then the frames from Keras' `call` on.
    wrapped.callers = [error.callers[0]] + error.callers.dropFirst(boundary + 1)
    return wrapped
  }
}
