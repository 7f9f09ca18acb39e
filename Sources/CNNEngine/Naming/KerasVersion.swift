/// Which Keras a lesson, a script or a command imitates: tf-keras 2 (the "classic" summary, what
/// `TF_USE_LEGACY_KERAS=1` or `import tf_keras` gives) or Keras 3 (what `pip install tensorflow`
/// gives since TensorFlow 2.16, and Colab). Names, some refusals and the summary text differ.
public enum KerasVersion: Int, Sendable, CaseIterable, Codable {
  case keras2 = 2
  case keras3 = 3

  /// What a script or a lesson that says nothing gets: the Keras a fresh TensorFlow installs.
  public static let `default` = KerasVersion.keras3

  /// `2` / `3` (also `keras2`, `keras3`, `tf-keras`); nil for anything else.
  public init?(text: String) {
    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
    case "2", "keras2", "tf-keras", "tf_keras": self = .keras2
    case "3", "keras3": self = .keras3
    default: return nil
    }
  }
}
