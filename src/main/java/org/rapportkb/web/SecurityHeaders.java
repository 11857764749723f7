package org.rapportkb.web;

import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every response carries: a Content-Security-Policy that allows no inline script or
 * style, no sniffing, no framing, and a referrer only within the site (so an article knows it was
 * reached from search results).
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "same-origin",
          "Cross-Origin-Opener-Policy", "same-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  private SecurityHeaders() {}

  /** Adds the headers to a response Javalin handles (routes, static files, errors). */
  static void apply(Context ctx) {
    HEADERS.forEach(ctx::header);
  }

  /** Adds the headers to a response Jetty writes by itself (a request it could not parse). */
  static void apply(HttpFields.Mutable fields) {
    HEADERS.forEach(fields::put);
  }
}
