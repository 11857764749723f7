package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.rapportkb.json.Json;

/** Checks every test makes of responses: security headers, content types, error bodies. */
final class WebAssertions {
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
  private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=");
  private static final Pattern EVENT_ATTRIBUTE =
      Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  private WebAssertions() {}

  static void assertSecurityHeaders(Response response) {
    String csp = header(response, "Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertEquals("DENY", header(response, "X-Frame-Options"));
    assertEquals("same-origin", header(response, "Referrer-Policy"));
  }

  static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    assertFalse(values.isEmpty(), "no " + name + " header");
    return values.get(0);
  }

  /** An HTML page with the given status, the security headers and no inline script or style. */
  static String assertPage(Response response, int status) {
    String body = response.body().string();
    assertEquals(status, response.code(), body);
    assertTrue(header(response, "Content-Type").startsWith("text/html"));
    assertSecurityHeaders(response);
    assertTrue(body.startsWith("<!DOCTYPE html>"), body);
    assertFalse(INLINE_SCRIPT.matcher(body).find(), "inline script");
    assertFalse(INLINE_STYLE.matcher(body).find(), "inline style");
    assertFalse(EVENT_ATTRIBUTE.matcher(body).find(), "inline event handler");
    assertNoStackTrace(body);
    return body;
  }

  /** A JSON answer with the given status and the security headers. */
  static JsonNode assertJson(Response response, int status) throws Exception {
    String body = response.body().string();
    assertEquals(status, response.code(), body);
    assertTrue(header(response, "Content-Type").startsWith("application/json"));
    assertSecurityHeaders(response);
    return Json.MAPPER.readTree(body);
  }

  /** A JSON error: {@code {"error": code, "message": ...}} and nothing else. */
  static JsonNode assertJsonError(Response response, int status, String code) throws Exception {
    JsonNode body = assertJson(response, status);
    assertEquals(code, body.path("error").asText(), body.toString());
    assertFalse(body.path("message").asText().isBlank(), body.toString());
    assertEquals(2, body.size(), body.toString());
    assertNoStackTrace(body.toString());
    return body;
  }

  static void assertNoStackTrace(String body) {
    assertFalse(body.contains("Exception"), body);
    assertFalse(body.contains("\tat "), body);
    assertFalse(body.contains("at org."), body);
  }
}
