package org.rapportkb.watch;

import java.util.Set;
import org.rapportkb.index.IndexReport;

/**
 * What one sync after a change on disk did.
 *
 * @param slugs the articles whose files were seen to change, valid or not, and those whose errors
 *     changed with them; empty when unknown (events were lost, a folder was removed, or the config
 *     was reloaded), meaning any article may have changed
 * @param report what the sync did to the index
 */
public record ArticleChange(Set<String> slugs, IndexReport report) {
  public ArticleChange {
    slugs = Set.copyOf(slugs);
  }

  /** Whether any article may have changed, because the changed slugs are not known. */
  public boolean everything() {
    return slugs.isEmpty();
  }
}
