package org.rapportkb.library;

import java.util.List;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/**
 * A practice item with what a trainee needs around it: the skill (article) it practises, its
 * module, and the skill's criteria to check a response against. The JSON form of {@code
 * /api/practice}.
 */
public record PracticeCard(
    String id,
    String article,
    String title,
    String module,
    String level,
    Difficulty difficulty,
    String scene,
    String client,
    List<String> responses,
    String why,
    String instructions,
    List<String> criteria) {

  static PracticeCard of(
      PracticeItem item,
      String slug,
      String title,
      String module,
      String level,
      SkillPractice skill) {
    return new PracticeCard(
        item.id(),
        slug,
        title,
        module,
        level,
        item.difficulty(),
        item.scene(),
        item.client(),
        item.responses(),
        item.why(),
        skill.instructions(),
        skill.criteria());
  }
}
