package org.rapportkb.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapportkb.config.ConfigException;
import org.rapportkb.search.InvalidQueryException;
import picocli.CommandLine;

/** Turns any failure into one clear line on standard error and a non-zero exit status. */
final class OneLineErrors
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final int USAGE = 2;
  static final int FAILURE = 1;
  private static final Logger LOG = Logger.getLogger(OneLineErrors.class.getName());

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    var err = commandLine.getErr();
    switch (e) {
      case ConfigException config -> config.problems().forEach(err::println);
      case InvalidQueryException query -> {
        err.println("error: " + query.getMessage());
        return USAGE;
      }
      case FileSystemException fs -> err.println("error: " + fs.getFile() + ": " + describe(fs));
      case IOException io -> err.println("error: " + io.getMessage());
      default -> {
        LOG.log(Level.FINE, "command failed", e);
        err.println("error: " + e);
      }
    }
    return FAILURE;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    var err = e.getCommandLine().getErr();
    err.println("error: " + e.getMessage());
    err.println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
    return USAGE;
  }

  private static String describe(FileSystemException e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "NoSuchFileException" -> "not found";
      case "AccessDeniedException" -> "permission denied";
      case "NotDirectoryException" -> "not a folder";
      default -> e.getReason() != null ? e.getReason() : name;
    };
  }
}
