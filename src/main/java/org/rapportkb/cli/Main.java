package org.rapportkb.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rapport-kb} command line: serve, index, search, check, new and report. */
@Command(
    name = "rapport-kb",
    mixinStandardHelpOptions = true,
    version = "rapport-kb 0.1.0",
    description = "A searchable knowledge base of rapport techniques for counseling trainees.",
    subcommands = {
      ServeCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      CheckCommand.class,
      NewCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Held so the level set below is not lost when the logger is collected. */
  private static final Logger VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  /**
   * Set by the jar's launcher when it runs this JVM as its child (the same name as {@code
   * org.rapportkb.launcher.Launcher.LAUNCHER_PID}, which is compiled separately for Java 17).
   */
  private static final String LAUNCHER_PID = "rapportkb.launcher.pid";

  public static void main(String[] args) {
    // One log format: java.util.logging records go through SLF4J, like Javalin's and Jetty's.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    endWithLauncher();
    System.exit(run(args));
  }

  /**
   * When a launcher started this JVM and is killed outright (so it cannot stop this JVM first),
   * stops this JVM the normal way, so that a server does not run on without anyone to stop it.
   */
  private static void endWithLauncher() {
    String pid = System.getProperty(LAUNCHER_PID);
    if (pid == null) {
      return;
    }
    try {
      ProcessHandle.of(Long.parseLong(pid))
          .ifPresentOrElse(
              launcher -> launcher.onExit().thenRun(() -> System.exit(143)),
              () -> System.exit(143));
    } catch (NumberFormatException e) {
      // Not set by the launcher; nothing to follow.
    }
  }

  /** Runs the command line and returns the exit status, without exiting; tests call this. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
        new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()),
        args);
  }

  /** Runs the command line writing to the given streams; tests use this to read the output. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    VECTOR_LOG.setLevel(Level.SEVERE);
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    commandLine.setParameterExceptionHandler(new OneLineErrors());
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
