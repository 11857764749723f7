package org.rapportkb.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the runnable jar: runs the application in this process on Java 21+; on an older
 * {@code java} (a plain {@code java -jar} where the default is older) it hands over to a 21+ JDK in
 * a child process. {@code bin/rapport-kb} finds the JDK first, so it is always one process.
 *
 * <p>NOTE: this class is compiled for Java 17 so that {@code java -jar} on an older default {@code
 * java} can say what it needs; it must not use newer APIs.
 */
public final class Launcher {
  static final int REQUIRED_FEATURE = 21;
  private static final String MAIN_CLASS = "org.rapportkb.cli.Main";

  /** System property by which the child JVM knows the launcher's process id. */
  public static final String LAUNCHER_PID = "rapportkb.launcher.pid";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (Runtime.version().feature() >= REQUIRED_FEATURE) {
      runInProcess(args);
      return;
    }
    Optional<Path> java = JdkFinder.findJava(REQUIRED_FEATURE);
    if (java.isEmpty()) {
      System.err.println(
          "rapport-kb needs Java "
              + REQUIRED_FEATURE
              + " or newer (this is Java "
              + Runtime.version().feature()
              + "); install a JDK "
              + REQUIRED_FEATURE
              + "+ or point JAVA_HOME at one.");
      System.exit(1);
    }
    System.exit(relaunch(java.get(), args));
  }

  private static void runInProcess(String[] args) throws Exception {
    try {
      Class.forName(MAIN_CLASS).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * The options of this JVM that the child takes over: all but those that open or hold something of
   * their own (a debugger or other agent, a JMX port, a flight recording), which stay with this
   * process so that the two never try to bind the same port or write the same file.
   */
  static List<String> passedToChild(List<String> options) {
    List<String> passed = new ArrayList<>();
    for (String option : options) {
      boolean ownsSomething =
          option.startsWith("-agentlib:")
              || option.startsWith("-agentpath:")
              || option.startsWith("-javaagent:")
              || option.startsWith("-Xrunjdwp")
              || option.equals("-Xdebug")
              || option.startsWith("-Dcom.sun.management.jmxremote")
              || option.startsWith("-XX:StartFlightRecording")
              || option.startsWith("-XX:+StartFlightRecording")
              || option.startsWith("-XX:FlightRecorderOptions");
      if (!ownsSomething) {
        passed.add(option);
      }
    }
    return passed;
  }

  /**
   * Runs the application in a child JVM on {@code java} and returns its exit status. The child
   * stops when this process is stopped, and ends by itself if this process is killed (see {@code
   * org.rapportkb.cli.Main}).
   */
  private static int relaunch(Path java, String[] args)
      throws IOException, InterruptedException, URISyntaxException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(passedToChild(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    command.add("-D" + LAUNCHER_PID + "=" + ProcessHandle.current().pid());
    command.add("-cp");
    command.add(ownJar());
    command.add(MAIN_CLASS);
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread forwardStop =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy();
                try {
                  child.waitFor();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    Runtime.getRuntime().addShutdownHook(forwardStop);
    int status = child.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(forwardStop);
    } catch (IllegalStateException stopping) {
      // This process is being stopped: the hook has stopped the child.
    }
    return status;
  }

  private static Path currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** The class path for the child JVM: this jar (or classes folder) and the current class path. */
  private static String ownJar() throws URISyntaxException {
    Path location = codeSource();
    if (Files.isDirectory(location)) {
      return System.getProperty("java.class.path", location.toString());
    }
    return location.toString() + File.pathSeparator + System.getProperty("java.class.path", "");
  }

  private static Path codeSource() throws URISyntaxException {
    return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
