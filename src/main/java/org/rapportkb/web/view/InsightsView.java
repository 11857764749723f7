package org.rapportkb.web.view;

import java.util.Map;
import org.rapportkb.config.InsightsSettings;
import org.rapportkb.insights.InsightsReport;

/**
 * The trainers' insights page: whether searches are recorded, and the report on those kept.
 *
 * @param titles the title of each published article by its slug, to name the best results
 * @param problem why the log could not be read, or null
 */
public record InsightsView(
    Page page,
    InsightsSettings settings,
    InsightsReport report,
    Map<String, String> titles,
    String problem) {

  /** The title of the article {@code slug}, or null when it is gone or a draft. */
  public String title(String slug) {
    return slug == null ? null : titles.get(slug);
  }
}
