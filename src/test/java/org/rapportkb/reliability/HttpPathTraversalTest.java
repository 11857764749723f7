package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path tricks in every path parameter and under the static assets: {@code ..}, {@code %2e%2e},
 * {@code %2F}, double encoding, backslashes, NUL bytes, overlong UTF-8. Each gets a 400 or 404 (or
 * the asset it really names), never a 5xx, and no response ever carries a file from outside the
 * articles and the static assets.
 */
class HttpPathTraversalTest {
  private static final List<String> PREFIXES =
      List.of("/articles/", "/api/articles/", "/categories/", "/tags/", "/static/", "/");

  private static final List<String> PAYLOADS =
      List.of(
          "..",
          "../",
          "../pom.xml",
          "../../pom.xml",
          "../../../../../../../../etc/passwd",
          "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
          "%2e%2e/pom.xml",
          "%2e%2e%2fpom.xml",
          "%2E%2E%2Fpom.xml",
          "..%2fpom.xml",
          ".%2e/pom.xml",
          "%2e%2e%2f%2e%2e%2fpom.xml",
          "%252e%252e%252fpom.xml",
          "..%252fpom.xml",
          "%25252e%25252e%25252fpom.xml",
          "..\\pom.xml",
          "..\\..\\pom.xml",
          "..%5cpom.xml",
          "%2e%2e%5cpom.xml",
          "..%255cpom.xml",
          "empathy%00",
          "empathy%00.md",
          "%00",
          "..%00/pom.xml",
          "%00../pom.xml",
          "%2fetc%2fpasswd",
          "%2F..%2F..%2Fpom.xml",
          "//etc/passwd",
          "....//....//pom.xml",
          "..;/pom.xml",
          ";/../pom.xml",
          "%c0%ae%c0%ae/pom.xml",
          "%c0%ae%c0%ae%c0%afpom.xml",
          "%e0%80%ae%e0%80%ae/pom.xml",
          "%uff0e%uff0e/pom.xml",
          "empathy/empathy.md",
          "empathy.md",
          "empathy/../../pom.xml",
          "../config/limits.yml",
          "../canary.txt",
          "canary.txt",
          "..%2fcanary.txt",
          "%2e%2e%2fconfig%2fcanary.txt",
          "..\\canary.txt",
          "..%2fconfig%2flimits.yml",
          "../articles/empathy/empathy.md",
          "../index/segments_1",
          "../org/rapportkb/web/WebApp.class",
          "..%2forg%2frapportkb%2fweb%2fWebApp.class",
          "../META-INF/MANIFEST.MF",
          "app.js/..%2f..%2fpom.xml",
          "app.js%00.txt",
          "app.js;.md",
          "%2e",
          "file:///etc/passwd",
          "\\\\127.0.0.1\\share");

  /** Written beside, inside and above the articles folder; must never be served. */
  private static final String CANARY = "zqcanary-7c1e-secret";

  @TempDir static Path dir;
  private static WebFixture web;
  private static List<String> secrets;

  @BeforeAll
  static void start() throws Exception {
    web = WebFixture.start(dir);
    secrets =
        List.of(
            "root:x:0:0",
            "<artifactId>rapport-kb</artifactId>",
            "maxQueryLength",
            "package org.rapportkb",
            "Manifest-Version",
            "\nsummary: ",
            "title: Empathy",
            CANARY);
    for (Path place : List.of(dir, web.config, web.articles)) {
      Files.writeString(place.resolve("canary.txt"), CANARY, StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  @Test
  void noPathTrickReadsAFileOutsideTheArticlesAndStaticAssets() throws Exception {
    List<String> failures = new ArrayList<>();
    int answered = 0;
    for (String prefix : PREFIXES) {
      for (String payload : PAYLOADS) {
        String target = prefix + payload;
        RawHttp.Response response;
        try {
          response = web.get(target);
        } catch (IOException e) {
          failures.add(target + " -> " + e);
          continue;
        }
        answered++;
        try {
          WebFixture.assertSafeResponse(target, response);
        } catch (AssertionError e) {
          failures.add(e.getMessage());
          continue;
        }
        if (!Set.of(200, 400, 404).contains(response.status())) {
          failures.add(target + " -> " + response.status());
        }
        String leak = leak(response.body());
        if (leak != null) {
          failures.add(target + " -> " + response.status() + " leaks '" + leak.strip() + "'");
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(PREFIXES.size() * PAYLOADS.size(), answered);
  }

  @Test
  void theRealAssetsAndArticlesAreStillServed() throws Exception {
    for (String target :
        List.of(
            "/static/app.js", "/static/app.css", "/articles/empathy", "/api/articles/empathy")) {
      RawHttp.Response response = web.get(target);
      WebFixture.assertSafeResponse(target, response);
      assertEquals(200, response.status(), target);
    }
    assertTrue(web.get("/static/app.js").text().contains("use strict"));
  }

  @Test
  void nulBytesAndEncodedSlashesInApiSlugsAreJson404Or400() throws Exception {
    for (String slug :
        List.of(
            "empathy%00",
            "%00", "..%2f..%2fpom.xml", "%2e%2e", "empathy%2fempathy", "..%5c..%5cpom.xml")) {
      String target = "/api/articles/" + slug;
      RawHttp.Response response = web.get(target);
      WebFixture.assertSafeResponse(target, response);
      assertTrue(Set.of(400, 404).contains(response.status()), target + " -> " + response.status());
      if (response.status() == 404) {
        WebFixture.assertJsonError(target, response, 404);
      }
    }
  }

  /** The first secret found in a body, or null; class files are recognized by their magic. */
  private static String leak(byte[] body) {
    if (body.length >= 4
        && (body[0] & 0xff) == 0xCA
        && (body[1] & 0xff) == 0xFE
        && (body[2] & 0xff) == 0xBA
        && (body[3] & 0xff) == 0xBE) {
      return "a class file";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    for (String secret : secrets) {
      if (text.contains(secret)) {
        return secret;
      }
    }
    return null;
  }
}
