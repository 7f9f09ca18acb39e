import CNNEngine
import KerasCells

/// Which Keras a script gets whatever `--keras` says: TensorFlow 2.21 installs Keras 3 (`keras`,
/// `tf.keras`) and tf-keras 2.21 (`tf_keras`) side by side, so a script that imports `tf_keras`
/// and no other Keras package (`import tf_keras as keras`) runs on tf-keras under either setting,
/// exactly as `python FILE.py` does.
enum ScriptKerasPackage {
  /// The Keras `source` runs on under `setting`: tf-keras for a Keras 3 run of a script whose only
  /// Keras package is `tf_keras`; `setting` otherwise (a script that also reaches `keras` or
  /// `tf.keras` mixes both packages, which the session models as they come).
  static func version(of source: String, setting: KerasVersion) -> KerasVersion {
    guard setting == .keras3 else { return setting }
    var importsTFKeras = false
    for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      let words = line.split(whereSeparator: { " \t\r,;()".contains($0) })
      guard !words.isEmpty else { continue }
      for (index, word) in words.enumerated() {
        let previous = index > 0 ? words[index - 1] : ""
        let module = word.split(separator: ".").first.map(String.init) ?? ""
        if previous == "import" || previous == "from" {
          if module == "tf_keras" { importsTFKeras = true }
          if module == "keras" || module == "keras_core" { return setting }
          if module == "tensorflow", word.hasPrefix("tensorflow.keras") { return setting }
        }
        // `from tensorflow import keras`, `tf.keras.layers`, `tensorflow.keras` anywhere.
        if word == "keras", previous == "import" { return setting }
        if word.contains("tf.keras") || word.contains("tensorflow.keras") { return setting }
      }
    }
    return importsTFKeras ? .keras2 : setting
  }
}
