package org.rapportkb.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.rapportkb.article.Slugs;
import org.rapportkb.json.Json;
import org.rapportkb.search.InvalidQueryException;
import org.rapportkb.web.view.ErrorView;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a status and a body here, and only here: {@code {"error","message"}} JSON
 * under {@code /api} and {@code /health}, a page everywhere else. Unexpected exceptions are logged
 * and answered with a generic message; no stack trace reaches a client.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final String RENDERED = "rapportkb.error-rendered";
  private static final int[] STATUSES = {400, 404, 405, 413, 414, 431, 500, 503};
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final Templates templates;
  private final Supplier<Site> site;

  ErrorMapping(Templates templates, Supplier<Site> site) {
    this.templates = templates;
    this.site = site;
  }

  void register(RoutesConfig routes) {
    routes.exception(InvalidQueryException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    routes.exception(
        HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage()));
    routes.exception(EndpointNotFound.class, (e, ctx) -> respond(ctx, 404, null));
    routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> respond(ctx, 405, null));
    routes.exception(
        HttpException.RuntimeException.class,
        (e, ctx) -> respond(ctx, e.getCode() >= 400 ? e.getCode() : 400, null));
    routes.exception(Exception.class, this::unexpected);
    for (int status : STATUSES) {
      routes.error(status, this::fallback);
    }
  }

  /** The answer for a status no exception explained: an unknown path, a Jetty limit... */
  private void fallback(Context ctx) {
    if (ctx.attribute(RENDERED) == null) {
      respond(ctx, ctx.statusCode(), null);
    }
  }

  private void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    respond(ctx, 500, null);
  }

  private void respond(Context ctx, int status, String message) {
    ctx.attribute(RENDERED, Boolean.TRUE);
    if (ctx.res().isCommitted()) {
      return;
    }
    String path = ctx.path();
    String query = status == 400 && path.equals("/search") ? queryOf(ctx) : null;
    Body body = body(status, message, path, wantsJson(path), query);
    ctx.status(status).contentType(body.contentType()).result(body.text());
  }

  /** The search to show again, when the query string can be read at all. */
  private static String queryOf(Context ctx) {
    try {
      return ctx.queryParam("q");
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The answer to a failed request, for Javalin's handlers and for Jetty's own errors alike.
   *
   * @param message why, for people; null (or any 5xx) for the status's general message
   * @param query the search to show again in the page's search box, or null
   */
  Body body(int status, String message, String path, boolean json, String query) {
    String text =
        status >= 500 || message == null || message.isBlank() ? defaultMessage(status) : message;
    if (json) {
      return new Body(JSON, Json.write(new ErrorBody(code(status), text)));
    }
    try {
      String sentence = sentence(text);
      return new Body(
          Templates.HTML, templates.render("error.jte", view(status, sentence, path, query)));
    } catch (RuntimeException e) {
      LOG.error("cannot render the error page for {}", path, e);
      return new Body(TEXT, status + " " + text);
    }
  }

  private ErrorView view(int status, String message, String path, String query) {
    String article = path.startsWith("/articles/") ? path.substring("/articles/".length()) : null;
    Page page =
        Page.of(heading(status, path), null, null)
            .withQuery(query)
            .withoutHeaderSearch()
            .withLiveSlug(status == 404 && Slugs.isValid(article) ? article : null);
    return new ErrorView(page, status, heading(status, path), message, site.get());
  }

  /** {@code "unknown level 'x'"} becomes {@code "Unknown level 'x'."} for a page. */
  private static String sentence(String text) {
    String capital = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return capital.matches("(?s).*[.!?]$") ? capital : capital + ".";
  }

  static boolean wantsJson(String path) {
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/health");
  }

  /** {@code 404} becomes {@code "not_found"}. */
  static String code(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    String reason = known == HttpStatus.UNKNOWN ? "error" : known.getMessage();
    return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static String heading(int status, String path) {
    return switch (status) {
      case 400 ->
          path.equals("/search") ? "That search could not be run" : "That request did not work";
      case 404 -> "Page not found";
      case 500, 503 -> "Something went wrong";
      default -> "That request did not work";
    };
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood.";
      case 404 -> "There is no page at this address. It may have been renamed or removed.";
      case 405 -> "This address does not accept that kind of request.";
      case 413 -> "The request is too large.";
      case 414 -> "The address is too long.";
      case 431 -> "The request headers are too large.";
      case 503 -> "The knowledge base is not available right now; please try again shortly.";
      default ->
          status >= 500
              ? "Something went wrong on our side. It has been logged; please try again."
              : "The request could not be answered.";
    };
  }

  /** The JSON body of every error. */
  record ErrorBody(String error, String message) {}

  /** A response body and its content type. */
  record Body(String contentType, String text) {}
}
