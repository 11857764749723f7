package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one check of a category and a level. */
class CurriculumCheckTest {
  private final Curriculum curriculum = new Curriculum(List.of("reflection", "empathy"));

  @Test
  void aModuleOfTheCurriculumPassesAndAnyOtherNamesTheModulesInOrder() {
    assertEquals(Optional.empty(), curriculum.categoryProblem("empathy"));
    assertEquals(
        Optional.of("unknown category 'Empathy' (known: reflection, empathy)"),
        curriculum.categoryProblem("Empathy"));
  }

  @Test
  void aLevelIsOneOfTheThreeAsWritten() {
    assertEquals(Optional.empty(), Curriculum.levelProblem("intermediate"));
    for (String wrong : List.of("expert", "Advanced", "")) {
      assertEquals(
          Optional.of("unknown level '" + wrong + "' (use foundation | intermediate | advanced)"),
          Curriculum.levelProblem(wrong));
    }
  }
}
