package org.rapportkb.check;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * One finding about an article or a config file, printed as {@code path:line: severity: message}.
 *
 * @param path the file, relative to the folder it was found in where possible
 * @param line the 1-based line the finding points at
 */
public record Problem(String path, int line, Severity severity, String message) {

  /** How bad a finding is: an error keeps the file out of the index, a warning does not. */
  public enum Severity {
    ERROR,
    WARNING;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static Problem error(String path, int line, String message) {
    return new Problem(path, line, Severity.ERROR, message);
  }

  public static Problem warning(String path, int line, String message) {
    return new Problem(path, line, Severity.WARNING, message);
  }

  /**
   * The message for a value that is none of the {@code known} ones: {@code unknown field 'colour'
   * (known: aliases, category, ...)}, the known ones in alphabetical order.
   */
  public static String unknown(String what, String value, Collection<String> known) {
    return unknownInOrder(what, value, known.stream().sorted().toList());
  }

  /** The same message with the known values in the order given (a curriculum's modules). */
  public static String unknownInOrder(String what, String value, List<String> known) {
    return "unknown " + what + " '" + value + "' (known: " + String.join(", ", known) + ")";
  }

  /**
   * The same finding with its path resolved against {@code folder}, the folder it was found in, so
   * that it names the file as a trainer does: {@code articles/empathy/empathy.md}.
   */
  public Problem in(Path folder) {
    return new Problem(folder.resolve(path).toString(), line, severity, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return path + ":" + line + ": " + severity + ": " + message;
  }
}
