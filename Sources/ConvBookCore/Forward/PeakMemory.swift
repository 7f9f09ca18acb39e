import Foundation

/// The process' resident memory as the kernel counts it. On Linux the peak (VmHWM in
/// /proc/self/status) can be reset by writing 5 to /proc/self/clear_refs, so one benchmark in a
/// process can measure each model's own peak; elsewhere getrusage's lifetime maximum is all
/// there is.
public enum PeakMemory {
  /// How the peak was measured, for reports.
  public static var method: String {
    #if os(Linux)
      "peak resident set size (VmHWM, reset per model through /proc/self/clear_refs)"
    #else
      "peak resident set size of the process (getrusage, not resettable)"
    #endif
  }

  /// Restarts peak tracking at the current resident size; false when the system does not allow it.
  @discardableResult
  public static func resetPeak() -> Bool {
    #if os(Linux)
      guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
      defer { try? handle.close() }
      do {
        try handle.write(contentsOf: Data("5".utf8))
        return true
      } catch {
        return false
      }
    #else
      return false
    #endif
  }

  /// Bytes resident now.
  public static func current() -> Int? { statusField("VmRSS") }

  /// The largest resident size since the last reset (or since the process started).
  public static func peak() -> Int? {
    #if os(Linux)
      return statusField("VmHWM")
    #else
      var usage = rusage()
      guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
      return Int(usage.ru_maxrss)  // bytes on Darwin
    #endif
  }

  /// A `Name:  1234 kB` line of /proc/self/status, in bytes.
  private static func statusField(_ name: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
      let number = line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" })
        .first
      return number.flatMap { Int($0) }.map { $0 * 1024 }
    }
    return nil
  }
}
