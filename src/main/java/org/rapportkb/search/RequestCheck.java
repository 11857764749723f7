package org.rapportkb.search;

import org.rapportkb.article.Curriculum;
import org.rapportkb.article.Level;
import org.rapportkb.article.Slugs;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.QueryLimits;

/**
 * Refuses a search request the limits or the curriculum do not allow, with a message meant for
 * people, and gives its query text cleaned for parsing.
 */
final class RequestCheck {
  private RequestCheck() {}

  /** The request's query, cleaned; throws {@link InvalidQueryException} for a bad request. */
  static String checked(SearchRequest request, KbConfig config) {
    checkPage(request, config.limits());
    String query = QueryGuard.clean(request.query(), config.limits());
    checkFilters(request, config);
    return query;
  }

  private static void checkPage(SearchRequest request, QueryLimits limits) {
    if (request.page() < 1) {
      throw new InvalidQueryException("page must be 1 or more");
    }
    if (request.size() < 1 || request.size() > limits.maxPageSize()) {
      throw new InvalidQueryException("size must be between 1 and " + limits.maxPageSize());
    }
    if ((long) request.page() * request.size() > limits.resultWindow()) {
      throw new InvalidQueryException(
          "only the first "
              + limits.resultWindow()
              + " results can be paged through; narrow the search");
    }
  }

  private static void checkFilters(SearchRequest request, KbConfig config) {
    // The curriculum decides; the message quotes the value cut short, as a request may be hostile.
    if (SearchFilters.present(request.category())
        && config.curriculum().categoryProblem(request.category()).isPresent()) {
      throw new InvalidQueryException("unknown category '" + shown(request.category()) + "'");
    }
    if (SearchFilters.present(request.level())
        && Curriculum.levelProblem(request.level()).isPresent()) {
      throw new InvalidQueryException(
          "unknown level '" + shown(request.level()) + "' (use " + Level.allSlugs() + ")");
    }
    if (SearchFilters.present(request.tag()) && !Slugs.isValid(request.tag())) {
      throw new InvalidQueryException("a tag is lowercase words joined by '-'");
    }
  }

  /** A client's value as quoted back in a message: cut short, so a huge value stays out. */
  private static String shown(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }
}
