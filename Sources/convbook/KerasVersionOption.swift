import ArgumentParser
import ConvBookCore

/// `--keras 2|3`, shared by every command that prints Keras output.
struct KerasVersionOption: ParsableArguments {
  @Option(
    name: .customLong("keras"),
    help: ArgumentHelp(
      "Which Keras to imitate: 3 (Keras 3, what `pip install tensorflow` gives) or 2 (tf-keras, the classic summary). Default: the lesson's or course's keras setting, else 3.",
      valueName: "version"))
  var version: KerasVersion?

  var setting: KerasVersionSetting { KerasVersionSetting(commandLine: version) }
}

extension KerasVersion: ExpressibleByArgument {
  public init?(argument: String) { self.init(text: argument) }
  public static var allValueStrings: [String] { ["2", "3"] }
}
