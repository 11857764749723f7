package org.rapportkb.index;

import java.time.Duration;
import java.util.List;
import org.rapportkb.check.Problem;

/**
 * What one pass over the articles folder did.
 *
 * @param files article files found
 * @param added articles new to the index
 * @param updated articles re-indexed because their file changed
 * @param deleted articles removed because their file is gone
 * @param unchanged articles left as they were
 * @param invalid files with errors, kept out of the index (or kept at their last good version)
 * @param rebuilt whether the whole index was rebuilt
 */
public record IndexReport(
    int files,
    int added,
    int updated,
    int deleted,
    int unchanged,
    int invalid,
    boolean rebuilt,
    List<Problem> problems,
    Duration took) {

  public boolean changed() {
    return added + updated + deleted > 0 || rebuilt;
  }

  /** One line for people: what changed and how long it took. */
  public String summary() {
    return String.format(
        "%s %d articles in %d ms: %d added, %d updated, %d deleted, %d unchanged, %d invalid",
        rebuilt ? "rebuilt" : "indexed",
        files,
        took.toMillis(),
        added,
        updated,
        deleted,
        unchanged,
        invalid);
  }
}
