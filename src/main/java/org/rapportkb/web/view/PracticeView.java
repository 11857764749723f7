package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.library.PracticeCard;

/**
 * The practice page: the chosen selection of items and one item to answer.
 *
 * @param card the item shown, or null when the selection has none
 * @param selection what the trainee chose
 * @param skills every skill that has practice items, by module, for the skill menu
 * @param next where each rating (and skipping) leads without JavaScript
 * @param pool the selection's item ids and difficulties as JSON, for the browser script
 * @param counts how many items the selection has at each difficulty, beginner first
 */
public record PracticeView(
    Page page,
    PracticeCard card,
    PracticeSelection selection,
    List<SkillGroup> skills,
    NextLinks next,
    String pool,
    List<Integer> counts,
    Site site) {

  /** The trainee's choice: one skill, one module or everything ("mixed"), and a difficulty. */
  public record PracticeSelection(String article, String module, String difficulty) {
    public boolean mixed() {
      return article == null && module == null;
    }
  }

  /** A module's skills for the skill menu. */
  public record SkillGroup(String module, List<Skill> skills) {}

  /** A skill to choose: the article's slug and title. */
  public record Skill(String slug, String title) {}

  /** The links the rating buttons follow when no script handles them. */
  public record NextLinks(String easier, String same, String harder) {}

  public int total() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }
}
