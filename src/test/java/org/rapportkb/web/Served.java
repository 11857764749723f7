package org.rapportkb.web;

import java.io.IOException;
import java.time.Duration;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.watch.FolderWatcher;

/**
 * A knowledge base served on a free local port, for the browser tests, optionally with its folders
 * watched as {@code serve} does; closing it stops the watcher and the server and closes the
 * knowledge base.
 *
 * @param watcher the folder watcher, or null when files are not watched
 */
record Served(KnowledgeBase kb, WebApp app, String base, FolderWatcher watcher)
    implements AutoCloseable {

  static Served start(KnowledgeBase kb) {
    WebApp app = new WebApp(kb).start("127.0.0.1", 0);
    return new Served(kb, app, "http://127.0.0.1:" + app.port(), null);
  }

  /** Serves {@code kb} and picks up saved files, telling open pages which articles changed. */
  static Served watched(KnowledgeBase kb) throws IOException {
    WebApp app = new WebApp(kb).start("127.0.0.1", 0);
    FolderWatcher watcher =
        FolderWatcher.forKnowledgeBase(
            kb, change -> app.articlesChanged(change.slugs()), Duration.ofMillis(100));
    watcher.start();
    return new Served(kb, app, "http://127.0.0.1:" + app.port(), watcher);
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
    app.stop();
    kb.close();
  }
}
