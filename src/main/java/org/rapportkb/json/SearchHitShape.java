package org.rapportkb.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.search.SearchHit;

/**
 * How a {@link SearchHit} is written as JSON (a Jackson mix-in, so that the search package knows
 * nothing of JSON): the article's fields flat in the hit, but for its own url and update date, and
 * the score parts only when asked for.
 */
abstract class SearchHitShape {
  @JsonUnwrapped
  @JsonIgnoreProperties({"url", "updated"})
  abstract ArticleSummary article();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  abstract SearchHit.ScoreParts explain();
}
