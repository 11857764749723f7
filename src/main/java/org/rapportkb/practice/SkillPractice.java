package org.rapportkb.practice;

import java.util.List;

/**
 * An article's practice material: what to do (the section's opening text), the skill's criteria,
 * listed once, and its items.
 */
public record SkillPractice(String instructions, List<String> criteria, List<PracticeItem> items) {
  public static final SkillPractice NONE = new SkillPractice("", List.of(), List.of());

  public SkillPractice {
    criteria = List.copyOf(criteria);
    items = List.copyOf(items);
  }

  /** How many items have {@code difficulty}. */
  public long count(Difficulty difficulty) {
    return items.stream().filter(item -> item.difficulty() == difficulty).count();
  }
}
