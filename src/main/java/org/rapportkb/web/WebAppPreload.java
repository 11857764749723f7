package org.rapportkb.web;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds ahead, on the calling thread, the slow parts of a {@link WebApp} that depend on nothing of
 * the knowledge base, so that {@code serve} can overlap them with opening the index: the web
 * server's table of MIME types, which lists every locale the JDK knows, and the index of the jar
 * the static files are served from (its 15,000 entries).
 *
 * <p>NOTE: a {@link WebApp} built meanwhile on another thread waits for a table still being built
 * rather than building it twice (a class's static initialization), and finds the jar among the file
 * systems Jetty keeps mounted, counted by use; the mount made here is held for the life of the
 * process, so that one server's stop never unmounts it under another.
 */
public final class WebAppPreload {
  private static final Logger LOG = LoggerFactory.getLogger(WebAppPreload.class);

  /** Holds the jar's mount; never closed. */
  private static final ResourceFactory.Closeable MOUNTS = ResourceFactory.closeable();

  private WebAppPreload() {}

  /**
   * Builds the MIME type table and mounts the jar of the static files; a failure is only logged,
   * since building the {@link WebApp} does the same and reports its own.
   */
  public static void run() {
    try {
      MimeTypes.DEFAULTS.getMimeByExtension("index.html");
      MOUNTS.newClassLoaderResource(WebApp.STATIC_FILES);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("preloading the web server failed", e);
    }
  }
}
