import Foundation
import KerasCells

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SummaryConsole {
  /// This process's standard output as Keras 3 would see it: `COLUMNS`, else the terminal's width,
  /// else 80; styles only when stdout is a terminal (see `SummaryConsole.current`).
  public static func standardOutput() -> SummaryConsole {
    let isTerminal = isatty(STDOUT_FILENO) != 0
    var size = winsize()
    var columns: Int?
    // rich asks stdin, stdout and stderr in turn for a terminal size.
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        columns = Int(size.ws_col)
        break
      }
    }
    return current(
      environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isTerminal,
      terminalColumns: columns)
  }
}

extension ModelCommands {
  /// Whether this process's standard error is a terminal (`convbook run` escapes the control
  /// characters of a traceback there).
  public static func standardErrorIsTerminal() -> Bool {
    isatty(STDERR_FILENO) != 0
  }
}
