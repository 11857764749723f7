package org.rapportkb.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.web.view.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server: search, article pages, the curriculum, practice and the trainers' insights as
 * HTML, the JSON API, and the live-reload event stream, over one {@link KnowledgeBase}.
 *
 * <p>NOTE: whoever updates the index while the server runs calls {@link #articlesChanged} after
 * each update, so that open article pages reload.
 */
public final class WebApp implements AutoCloseable {
  /** Longest request line plus headers Jetty accepts; a longer address gets a 414. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Largest request body accepted; the server only answers GET requests. */
  static final long MAX_BODY_BYTES = 64 * 1024;

  /** Where the static files are, on the class path, and where they are served. */
  static final String STATIC_FILES = "/static";

  /** How long a stopping server lets in-flight requests finish. */
  static final long STOP_TIMEOUT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  private final LiveReload liveReload = new LiveReload();
  private final GracefulHandler graceful = new GracefulHandler();
  private final Javalin javalin;
  private final SearchInsights insights;

  /** Builds the server; nothing listens until {@link #start}. */
  public WebApp(KnowledgeBase kb) {
    Templates templates = new Templates();
    this.insights = SearchInsights.of(kb.paths(), () -> kb.config().insights());
    SearchController search = new SearchController(kb, templates, insights);
    ArticleController articles = new ArticleController(kb, templates, insights);
    InsightsController trainers = new InsightsController(kb, templates, insights);
    BrowseController browse = new BrowseController(kb, templates);
    PracticeController practice = new PracticeController(kb, templates);
    HealthController health = new HealthController(kb);
    ErrorMapping errors = new ErrorMapping(templates, () -> Site.of(kb.config()));
    this.javalin =
        Javalin.create(
            config -> {
              configureServer(config, errors);
              var routes = config.routes;
              routes.before(SecurityHeaders::apply);
              routes.get("/", browse::home);
              routes.get("/search", search::page);
              routes.get("/articles/{slug}", articles::page);
              routes.get("/categories/{category}", browse::category);
              routes.get("/tags/{tag}", browse::tag);
              routes.get("/curriculum", browse::curriculum);
              routes.get("/practice", practice::page);
              routes.get("/practice/diary", practice::diary);
              routes.get("/insights", trainers::page);
              routes.get("/api/practice", practice::api);
              routes.get("/api/search", search::apiSearch);
              routes.get("/api/suggest", search::apiSuggest);
              routes.get("/api/articles", articles::apiList);
              routes.get("/api/articles/{slug}", articles::apiGet);
              routes.get("/health", health::health);
              routes.sse("/events", liveReload::connect);
              errors.register(routes);
            });
  }

  private void configureServer(JavalinConfig config, ErrorMapping errors) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new BufferedJsonMapper());
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    config.staticFiles.add(
        files -> {
          files.hostedPath = STATIC_FILES;
          files.directory = STATIC_FILES;
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "no-cache");
        });
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(MAX_HEADER_BYTES);
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
        });
    config.jetty.modifyServer(server -> configureJetty(server, errors));
    config.events.serverStarted(liveReload::start);
    config.events.serverStopping(liveReload::close);
  }

  private void configureJetty(Server server, ErrorMapping errors) {
    server.setErrorHandler(new JettyErrors(errors));
    server.insertHandler(new SizeLimitHandler(MAX_BODY_BYTES, -1));
    server.insertHandler(graceful);
  }

  /** The Javalin application, for tests that start it themselves. */
  public Javalin javalin() {
    return javalin;
  }

  /**
   * Starts listening; port 0 picks a free port (see {@link #port()}). Deletes search log entries
   * past their retention now and every hour from then on.
   */
  public WebApp start(String host, int port) {
    insights.start();
    javalin.start(host, port);
    return this;
  }

  /** The port the server listens on, once started. */
  public int port() {
    return javalin.port();
  }

  /**
   * Tells the article pages open in browsers that these articles changed (were saved, added or
   * deleted, or saved with errors that keep the save from being published); each page whose article
   * is among them reloads itself, showing the article's problems, if any. An empty collection means
   * that any article may have changed (a full rescan, a config reload): every article page reloads.
   */
  public void articlesChanged(Collection<String> slugs) {
    liveReload.broadcast(slugs);
  }

  /** How many browsers listen for changes right now. */
  public int liveReloadConnections() {
    return liveReload.connections();
  }

  /**
   * Stops gracefully: ends the live-reload streams, answers new requests with 503, lets those in
   * flight finish (for {@value #STOP_TIMEOUT_MILLIS} ms at most), then stops the server.
   */
  public void stop() {
    insights.close();
    liveReload.close();
    if (javalin.jettyServer().started()) {
      try {
        graceful.shutdown().get(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn("requests still running after {} ms; stopping anyway", STOP_TIMEOUT_MILLIS);
      } catch (ExecutionException e) {
        LOG.warn("waiting for requests to finish failed; stopping anyway", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    javalin.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
