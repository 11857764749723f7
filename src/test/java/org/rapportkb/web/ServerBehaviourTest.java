package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapportkb.web.WebAssertions.assertJsonError;
import static org.rapportkb.web.WebAssertions.assertNoStackTrace;
import static org.rapportkb.web.WebAssertions.assertPage;
import static org.rapportkb.web.WebAssertions.assertSecurityHeaders;
import static org.rapportkb.web.WebAssertions.header;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.IndexedFixture;
import org.rapportkb.KnowledgeBase;

/** Static files, limits, failures and the live-reload stream: what holds for every route. */
class ServerBehaviourTest extends IndexedFixture {

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void staticFilesAreServedWithTheSecurityHeaders() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          Response css = client.get("/static/app.css");
          assertEquals(200, css.code());
          assertTrue(header(css, "Content-Type").startsWith("text/css"));
          assertTrue(css.body().string().contains("prefers-color-scheme: dark"));
          assertTrue(css.body().string().contains("@media print"));
          assertSecurityHeaders(css);

          Response js = client.get("/static/app.js");
          assertEquals(200, js.code());
          assertTrue(header(js, "Content-Type").contains("javascript"));
          assertSecurityHeaders(js);

          Response live = client.get("/static/live-reload.js");
          assertEquals(200, live.code());
          assertTrue(live.body().string().contains("new EventSource(\"/events\")"));

          Response icon = client.get("/static/favicon.svg");
          assertEquals(200, icon.code());
          assertTrue(header(icon, "Content-Type").startsWith("image/svg+xml"));
        });
  }

  @Test
  void nothingOutsideTheStaticFolderIsServed() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          for (String url :
              List.of(
                  "/static/missing.js",
                  "/static/..%2F..%2Fpom.xml",
                  "/static/%2e%2e/%2e%2e/pom.xml",
                  "/static/../org/rapportkb/KnowledgeBase.class",
                  "/static/..%2Forg%2Frapportkb%2FKnowledgeBase.class",
                  "/gg/jte/generated/precompiled/JtehomeGenerated.class")) {
            Response response = client.get(url);
            String body = response.body().string();
            assertTrue(
                response.code() == 404 || response.code() == 400, url + " " + response.code());
            assertSecurityHeaders(response);
            assertFalse(body.contains("<project"), url);
            assertFalse(body.contains("\u00ca\u00fe\u00ba\u00be"), url);
            assertNoStackTrace(body);
          }
        });
  }

  @Test
  void unknownRoutesAndMethodsAreMappedErrors() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          var unknown = assertJsonError(client.get("/api/unknown"), 404, "not_found");
          assertFalse(unknown.toString().contains("Endpoint"), "no router internals");
          assertJsonError(client.post("/api/search", "{}"), 405, "method_not_allowed");
          assertJsonError(client.delete("/api/articles/empathy"), 405, "method_not_allowed");
          String page = assertPage(client.post("/search", "q=x"), 405);
          assertTrue(page.contains("does not accept that kind of request"), page);
        });
  }

  @Test
  void tooLongAddressesAndBodiesAreRejected() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String base = client.getOrigin();
          HttpResponse<String> longUrl =
              send(HttpRequest.newBuilder(URI.create(base + "/search?q=" + "a".repeat(20_000))));
          assertEquals(414, longUrl.statusCode(), longUrl.body());
          assertTrue(longUrl.headers().firstValue("Content-Security-Policy").isPresent());
          assertTrue(longUrl.headers().firstValue("X-Content-Type-Options").isPresent());
          assertNoStackTrace(longUrl.body());

          HttpResponse<String> bigBody =
              send(
                  // The body waits for the server's go-ahead: the server refuses on the headers
                  // alone, so its answer never races a body it will not read.
                  HttpRequest.newBuilder(URI.create(base + "/api/search"))
                      .header("Content-Type", "application/json")
                      .expectContinue(true)
                      .POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000))));
          assertEquals(413, bigBody.statusCode(), bigBody.body());
          assertTrue(bigBody.headers().firstValue("Content-Security-Policy").isPresent());
          assertNoStackTrace(bigBody.body());

          HttpResponse<String> nul =
              send(HttpRequest.newBuilder(URI.create(base + "/api/articles/a%00b")));
          assertEquals(400, nul.statusCode(), nul.body());
          assertTrue(nul.headers().firstValue("Content-Security-Policy").isPresent());
          assertNoStackTrace(nul.body());
        });
  }

  @Test
  void failuresAreLoggedNotShown(@TempDir Path dir) throws Exception {
    KnowledgeBase closed = Fixture.openIndexed(dir);
    WebApp app = new WebApp(closed);
    closed.close();
    JavalinTest.test(
        app.javalin(),
        (server, client) -> {
          var json = assertJsonError(client.get("/api/search?q=empathy"), 500, "server_error");
          assertTrue(json.get("message").asText().contains("Something went wrong"));
          String page = assertPage(client.get("/search?q=empathy"), 500);
          assertTrue(page.contains("Something went wrong"));
          assertJsonError(client.get("/health"), 500, "server_error");
        });
  }

  @Test
  void liveReloadStreamTellsWhichArticlesChanged() {
    WebApp app = new WebApp(kb);
    JavalinTest.test(
        app.javalin(),
        (server, client) -> {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(client.getOrigin() + "/events"))
                  .header("Accept", "text/event-stream")
                  .build();
          HttpResponse<InputStream> response =
              HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
          assertEquals(200, response.statusCode());
          assertTrue(
              response
                  .headers()
                  .firstValue("Content-Type")
                  .orElse("")
                  .startsWith("text/event-stream"));
          assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
          try (BufferedReader lines =
              new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals(List.of("event: ready", "data: {}"), readEvent(lines));
            assertEquals(1, app.liveReloadConnections());
            app.articlesChanged(Set.of("empathy"));
            CompletableFuture<List<String>> event =
                CompletableFuture.supplyAsync(() -> readEvent(lines));
            List<String> fields = event.get(10, TimeUnit.SECONDS);
            assertEquals(
                List.of("event: articles-changed", "data: {\"slugs\":[\"empathy\"],\"all\":false}"),
                fields);
            app.articlesChanged(List.of());
            assertEquals(
                List.of("event: articles-changed", "data: {\"slugs\":[],\"all\":true}"),
                CompletableFuture.supplyAsync(() -> readEvent(lines)).get(10, TimeUnit.SECONDS));
          }
        });
  }

  /** The non-blank lines of the next event, up to the blank line that ends it. */
  private static List<String> readEvent(BufferedReader lines) {
    try {
      List<String> fields = new java.util.ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!fields.isEmpty()) {
            return fields;
          }
        } else if (!line.startsWith(":")) {
          fields.add(line);
        }
      }
      return fields;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What {@code action} writes to standard error, where the server's log goes. */
  private static String standardErrorOf(Runnable action) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    err.print(text);
    return text;
  }

  @Test
  void stoppingEndsTheLiveReloadStreams() throws Exception {
    WebApp app = new WebApp(kb).start("127.0.0.1", 0);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/events"))
              .header("Accept", "text/event-stream")
              .timeout(Duration.ofSeconds(30))
              .build();
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      assertEquals(List.of("event: ready", "data: {}"), readEvent(lines));
      // A stream still open when the server waits for requests in flight would make it wait its
      // whole stop timeout and say so in the log (on standard error), then stop anyway.
      String logged = standardErrorOf(app::stop);
      assertFalse(
          logged.contains("still running"),
          "an open event stream does not hold the server up: " + logged);
      CompletableFuture<String> rest =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    if (!line.isEmpty() && !line.startsWith(":")) {
                      return line;
                    }
                  }
                  return "closed";
                } catch (java.io.IOException e) {
                  return "closed";
                }
              });
      assertEquals("closed", rest.get(10, TimeUnit.SECONDS));
    } finally {
      app.stop();
    }
  }
}
