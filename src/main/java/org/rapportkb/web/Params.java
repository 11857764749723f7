package org.rapportkb.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.rapportkb.article.Slugs;

/**
 * Reads request parameters. Malformed numbers are a bad request; a path segment that is not a slug
 * cannot name anything, so it is not found.
 */
final class Params {
  private Params() {}

  /** The stripped value of a query parameter, or null when it is absent or blank. */
  static String text(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }

  /** A whole-number query parameter; {@code defaultValue} when absent or blank. */
  static int integer(Context ctx, String name, int defaultValue) {
    String value = text(ctx, name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("'" + name + "' must be a whole number");
    }
  }

  /** The search a page or API call asks for. */
  static SearchState search(Context ctx) {
    String query = ctx.queryParam("q");
    return new SearchState(
        query == null ? "" : query.strip(),
        text(ctx, "category"),
        text(ctx, "tag"),
        text(ctx, "level"),
        integer(ctx, "page", SearchState.DEFAULT_PAGE),
        integer(ctx, "size", SearchState.DEFAULT_SIZE));
  }

  /** Whether the API call asks for the parts of each score ({@code explain=true}). */
  static boolean explain(Context ctx) {
    String value = ctx.queryParam("explain");
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new BadRequestResponse("'explain' must be true or false");
  }

  /** A path parameter that must be a slug. */
  static String slug(Context ctx, String name, String what) {
    String value = ctx.pathParam(name);
    if (!Slugs.isValid(value)) {
      throw new NotFoundResponse("there is no " + what + " with this name");
    }
    return value;
  }
}
