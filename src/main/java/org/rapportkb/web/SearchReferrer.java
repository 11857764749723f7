package org.rapportkb.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a page was reached from this site's search results, read from the {@code Referer} the
 * browser sends for same-origin links (the referrer policy sends it nowhere else).
 */
final class SearchReferrer {
  private SearchReferrer() {}

  /** The path and query of the results page the reader came from, or null. */
  static String resultsUrl(Context ctx) {
    String referer = ctx.header("Referer");
    String host = ctx.header("Host");
    if (referer == null || host == null) {
      return null;
    }
    try {
      URI uri = new URI(referer);
      if (!host.equalsIgnoreCase(uri.getRawAuthority()) || !"/search".equals(uri.getPath())) {
        return null;
      }
      return uri.getRawQuery() == null ? "/search" : "/search?" + uri.getRawQuery();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
