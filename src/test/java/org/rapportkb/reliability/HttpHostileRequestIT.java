package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests over HTTP: every hostile query on every search address, bad paging and filters,
 * oversized addresses, headers and bodies. Each gets a 400 (JSON under {@code /api}) or a bounded
 * 200, or 413/414/431 for what is too large; never a 5xx, always the security headers; and after a
 * burst of them the server answers normally.
 */
class HttpHostileRequestIT {
  @TempDir static Path dir;
  private static WebFixture web;

  @BeforeAll
  static void start() throws Exception {
    web = WebFixture.start(dir);
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  @Test
  void aBurstOfHostileQueriesGetsClearAnswersAndLeavesTheServerAnswering() throws Exception {
    List<String> targets = new ArrayList<>();
    for (String query : HostileQueryIT.hostileQueries().toList()) {
      String q = WebFixture.encode(query);
      targets.add("/api/search?q=" + q);
      targets.add("/api/search?q=" + q + "&page=2&size=50");
      targets.add("/search?q=" + q);
      targets.add("/api/suggest?q=" + q);
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (String target : targets) {
        calls.add(
            pool.submit(
                () -> {
                  try {
                    RawHttp.Response response = web.get(target);
                    WebFixture.assertSafeResponse(target, response);
                    if (response.status() != 200) {
                      assertEquals(400, response.status(), target);
                      if (target.startsWith("/api/")) {
                        WebFixture.assertJsonError(target, response, 400);
                      }
                    }
                  } catch (Throwable e) {
                    failures.add(target + " -> " + e);
                  }
                }));
      }
      for (Future<?> call : calls) {
        call.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), failures);

    RawHttp.Response normal = web.get("/api/search?q=empathy");
    assertEquals(200, normal.status());
    assertTrue(normal.text().contains("\"slug\":\"empathy\""), normal.text());
    assertEquals(200, web.get("/health").status());
  }

  @Test
  void pageAndSizeThatAreNotNumbersOrOutOfRangeAre400WithAMessage() throws Exception {
    for (String params :
        List.of(
            "page=abc",
            "size=ten",
            "page=1.5",
            "size=1e3",
            "page=0x10",
            "page=99999999999999999999",
            "size=-1",
            "page=0",
            "size=0",
            "size=51",
            "page=101&size=10",
            "page=%00",
            "size=%F0%9F%98%80")) {
      String target = "/api/search?q=empathy&" + params;
      RawHttp.Response response = web.get(target);
      WebFixture.assertSafeResponse(target, response);
      WebFixture.assertJsonError(target, response, 400);
      RawHttp.Response page = web.get("/search?q=empathy&" + params);
      WebFixture.assertSafeResponse("/search " + params, page);
      assertEquals(400, page.status(), params);
    }
  }

  @Test
  void unknownFiltersAre400AndUnknownTagsMatchNothing() throws Exception {
    for (String params :
        List.of(
            "category=nope",
            "level=expert",
            "tag=%3Cb%3E",
            "category=%00",
            "level=" + "x".repeat(5_000))) {
      String target = "/api/search?q=empathy&" + params;
      RawHttp.Response response = web.get(target);
      WebFixture.assertSafeResponse(target, response);
      WebFixture.assertJsonError(target, response, 400);
      assertTrue(response.body().length < 1_000, "a short message: " + response.body().length);
    }
    RawHttp.Response unknownTag = web.get("/api/search?q=empathy&tag=no-such-tag");
    assertEquals(200, unknownTag.status());
    assertTrue(unknownTag.text().contains("\"total\":0"), unknownTag.text());
  }

  @Test
  void aHundredThousandCharacterQueryIsRefused() throws Exception {
    String target = "/api/search?q=" + "a".repeat(100_000);
    RawHttp.Response response = web.get(target);
    WebFixture.assertSafeResponse("100k query", response);
    assertTrue(response.status() == 414 || response.status() == 400, "status " + response.status());

    String justTooLong = "/api/search?q=" + "a".repeat(1_000);
    RawHttp.Response tooLong = web.get(justTooLong);
    WebFixture.assertJsonError("1000-character query", tooLong, 400);
    assertTrue(tooLong.text().contains("too long"), tooLong.text());
  }

  @Test
  void oversizedAddressesHeadersAndBodiesAre414And431And413() throws Exception {
    RawHttp.Response longUrl = web.get("/articles/" + "a".repeat(40_000));
    WebFixture.assertSafeResponse("long URL", longUrl);
    assertEquals(414, longUrl.status());

    String bigHeader = "X-Padding: " + "p".repeat(40_000) + "\r\n";
    RawHttp.Response headers =
        RawHttp.send(
            web.port(),
            "GET /api/search?q=empathy HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + bigHeader
                + "Connection: close\r\n\r\n",
            null);
    WebFixture.assertSafeResponse("big header", headers);
    assertEquals(431, headers.status());

    byte[] body = "x".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    for (String target : List.of("/api/search", "/search", "/")) {
      RawHttp.Response posted =
          RawHttp.send(
              web.port(),
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n",
              body);
      WebFixture.assertSafeResponse("POST " + target, posted);
      assertEquals(413, posted.status(), "POST " + target);
    }
    RawHttp.Response chunked =
        RawHttp.send(
            web.port(),
            "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            ("30D40\r\n" + "x".repeat(200_000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    WebFixture.assertSafeResponse("chunked POST", chunked);
    assertTrue(chunked.status() == 413 || chunked.status() == 405, "status " + chunked.status());
    assertEquals(200, web.get("/api/search?q=empathy").status());
  }

  @Test
  void malformedRequestsGet4xxNot5xx() throws Exception {
    for (String target :
        List.of(
            "/api/search?q=%",
            "/api/search?q=%zz",
            "/api/search?q=%E0%A4%A",
            "/api/search?q=%C0%AF",
            "/api/search?%=%",
            "/search?q=%",
            "/api/suggest?q=%FF%FE",
            "/api/search?q=empathy&q=listening",
            "/api/articles/%",
            "/articles/%zz")) {
      RawHttp.Response response = web.get(target);
      WebFixture.assertSafeResponse(target, response);
      assertTrue(
          response.status() == 200 || response.status() == 400 || response.status() == 404,
          target + " -> " + response.status());
    }
    for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO")) {
      RawHttp.Response response =
          RawHttp.send(
              web.port(),
              method
                  + " /api/search?q=empathy HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
              null);
      WebFixture.assertSafeResponse(method, response);
      assertTrue(
          response.status() >= 400 && response.status() < 500, method + " -> " + response.status());
    }
  }
}
