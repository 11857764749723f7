package org.rapportkb.cli;

import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.IndexReport;
import org.rapportkb.watch.FolderWatcher;
import org.rapportkb.web.WebApp;
import org.rapportkb.web.WebAppPreload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: serves the web pages and API, and keeps the index in line with the articles and
 * config folders until the process is stopped (SIGTERM or Ctrl-C).
 *
 * <p>NOTE: an index that can be served as it is (built before, with the current config) is served
 * at once: the server listens, then compares the folder with it on the watcher's thread ({@code
 * /health} says {@code "synced":false} until then). A new index, one built with another config, and
 * every index under {@code --no-watch} are brought up to date before the server listens.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = "Serve the knowledge base on the web and follow changes to the articles.")
final class ServeCommand implements Callable<Integer> {
  /** How long the folders must be quiet before a change is indexed; editors save in bursts. */
  static final Duration WATCH_DEBOUNCE = Duration.ofMillis(150);

  private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

  @Mixin PathOptions paths;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port = 7070;

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--no-watch", description = "do not follow changes to the articles and config")
  boolean noWatch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("error: --port must be between 0 and 65535");
      return OneLineErrors.USAGE;
    }
    Thread.ofPlatform().daemon().name("rapport-kb-preload").start(WebAppPreload::run);
    KnowledgeBase kb = KnowledgeBase.open(paths.paths());
    WebApp started = null;
    try {
      if (noWatch || !kb.indexFitsConfig()) {
        IndexReport report = ConsoleProgress.syncReporting(kb, false, err);
        err.println(report.summary());
        err.flush();
      }
      WebApp app = new WebApp(kb);
      app.start(host, port);
      started = app;
    } catch (JavalinBindException e) {
      kb.close();
      err.println("error: cannot listen on " + host + ":" + port + ": " + reason(e));
      return OneLineErrors.FAILURE;
    } catch (Exception e) {
      if (started != null) {
        started.stop();
      }
      kb.close();
      throw e;
    }
    WebApp web = started;
    FolderWatcher watcher = noWatch ? null : watcherFor(kb, web);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> shutdown(watcher, web, kb, err, stopped), "rapport-kb-shutdown"));
    out.println("rapport-kb is serving " + kb.library().count() + " articles at " + url(web));
    out.flush();
    if (watcher != null) {
      watcher.startWithRescan();
      // What only later requests need waits for the start-up comparison, which matters more.
      kb.awaitSynced();
      rehearseInBackground(kb);
    }
    kb.search().warm();
    stopped.await();
    return 0;
  }

  /**
   * Rehearses indexing and rendering on a background thread, so that the first saved article is
   * found, and the first opened one shown, as fast as later ones.
   */
  private static void rehearseInBackground(KnowledgeBase kb) {
    Thread.ofPlatform()
        .daemon()
        .name("rapport-kb-rehearsal")
        .start(
            () -> {
              try {
                kb.rehearse();
              } catch (IOException | RuntimeException e) {
                LOG.log(java.util.logging.Level.FINE, "rehearsal failed", e);
              }
            });
  }

  /**
   * A watcher of the articles and config folders, not started yet: each change is indexed, then the
   * open article pages it concerns reload themselves.
   */
  private static FolderWatcher watcherFor(KnowledgeBase kb, WebApp web) {
    return FolderWatcher.forKnowledgeBase(
        kb, change -> web.articlesChanged(change.slugs()), WATCH_DEBOUNCE);
  }

  /** Stops watching, lets in-flight requests finish, then commits and closes the index. */
  private static void shutdown(
      FolderWatcher watcher,
      WebApp web,
      KnowledgeBase kb,
      PrintWriter err,
      CountDownLatch stopped) {
    try {
      if (watcher != null) {
        watcher.close();
      }
      web.stop();
      kb.close();
    } catch (IOException | RuntimeException e) {
      err.println("error: while stopping: " + e.getMessage());
      err.flush();
    } finally {
      stopped.countDown();
    }
  }

  /** Why a server could not listen, in a few words: "unknown host", "address already in use". */
  private static String reason(JavalinBindException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (cause instanceof BindException && cause.getMessage() != null) {
        return cause.getMessage().toLowerCase(Locale.ROOT);
      }
    }
    return "the address or port is not available";
  }

  private String url(WebApp web) {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + web.port();
  }
}
