package org.rapportkb.cli;

import java.io.PrintWriter;
import java.util.List;
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
    description = "A searchable knowledge base of rapport techniques for counseling trainees.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order the usage lists them. Picocli reads a command's options by
   * reflection when the command is added, a tenth of a second for all of them on a cold JVM, so a
   * run adds the one it names and no other (every one for help, or for a name it does not know).
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          IndexCommand.class,
          SearchCommand.class,
          CheckCommand.class,
          NewCommand.class,
          ReportCommand.class,
          CommandLine.HelpCommand.class);

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
    for (Class<?> command : commandsFor(args)) {
      commandLine.addSubcommand(command);
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    commandLine.setParameterExceptionHandler(new OneLineErrors());
    return commandLine.execute(args);
  }

  /** The subcommands a run with {@code args} needs: the one it names, or all of them. */
  static List<Class<?>> commandsFor(String... args) {
    String first = args.length == 0 ? "" : args[0];
    List<Class<?>> named =
        COMMANDS.stream()
            .filter(command -> command.getAnnotation(Command.class).name().equals(first))
            .toList();
    boolean help = named.contains(CommandLine.HelpCommand.class);
    return named.isEmpty() || help ? COMMANDS : named;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
