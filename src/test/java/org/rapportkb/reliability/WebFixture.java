package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.config.ConfigException;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.web.WebApp;

/**
 * A web server on a free loopback port over a copy of the real articles plus the hostile ones of
 * {@link HostileArticleTest}, for tests that speak HTTP to it.
 */
final class WebFixture implements AutoCloseable {
  final Path articles;
  final Path config;
  final Path index;
  final KnowledgeBase kb;
  final WebApp app;

  private WebFixture(Path articles, Path config, Path index, KnowledgeBase kb, WebApp app) {
    this.articles = articles;
    this.config = config;
    this.index = index;
    this.kb = kb;
    this.app = app;
  }

  static WebFixture start(Path dir) throws IOException, ConfigException {
    Path articles = TestCorpus.copyArticles(dir.resolve("articles"));
    HostileArticleTest.writeHostileArticles(articles);
    Path config = TestCorpus.copyConfig(dir.resolve("config"));
    Path index = dir.resolve("index");
    KnowledgeBase kb = KnowledgeBase.open(TestCorpus.paths(articles, config, index));
    kb.sync(false, ProgressListener.NONE);
    kb.search().warm();
    WebApp app = new WebApp(kb).start("127.0.0.1", 0);
    return new WebFixture(articles, config, index, kb, app);
  }

  int port() {
    return app.port();
  }

  String base() {
    return "http://127.0.0.1:" + port();
  }

  RawHttp.Response get(String target) throws IOException {
    return RawHttp.get(port(), target);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** No server error, and the security headers on every response. */
  static void assertSafeResponse(String what, RawHttp.Response response) {
    assertTrue(
        response.status() < 500,
        what + " answered " + response.status() + ": " + abbreviated(response));
    String csp = response.header("Content-Security-Policy");
    assertNotNull(csp, what + " has no Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
    assertTrue(csp.contains("script-src 'self'"), what + ": " + csp);
    assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
    assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
    String body = response.text();
    for (String leak :
        new String[] {"Exception", "\tat org.", "at io.javalin", "org.eclipse.jetty"}) {
      assertFalse(body.contains(leak), what + " leaks '" + leak + "': " + abbreviated(response));
    }
  }

  /** A 400 from the API: a JSON body with an error code and a message for people. */
  static void assertJsonError(String what, RawHttp.Response response, int status) {
    assertEquals(status, response.status(), what + ": " + abbreviated(response));
    assertTrue(response.header("Content-Type").startsWith("application/json"), what);
    String body = response.text();
    assertTrue(body.startsWith("{\"error\":\""), what + ": " + body);
    assertTrue(body.contains("\"message\":\""), what + ": " + body);
  }

  static String abbreviated(RawHttp.Response response) {
    String text = response.text();
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  @Override
  public void close() throws IOException {
    app.stop();
    kb.close();
  }
}
