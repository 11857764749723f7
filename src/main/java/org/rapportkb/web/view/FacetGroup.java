package org.rapportkb.web.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one search filter (module, level or tag), as links; a long list shows its first
 * {@value #SHOWN} values (and any active one) and folds the rest under "Show all".
 */
public record FacetGroup(String label, String param, List<FacetLink> values) {
  public static final int SHOWN = 8;

  /** The values shown at once: the first {@value #SHOWN}, and an active value further down. */
  public List<FacetLink> shown() {
    List<FacetLink> shown = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (i < SHOWN || values.get(i).active()) {
        shown.add(values.get(i));
      }
    }
    return shown;
  }

  /** The values folded under "Show all". */
  public List<FacetLink> folded() {
    List<FacetLink> folded = new ArrayList<>(values);
    folded.removeAll(shown());
    return folded;
  }
}
