package org.rapportkb.web;

import java.util.List;
import java.util.Optional;
import org.rapportkb.library.PracticeCard;
import org.rapportkb.practice.Difficulty;

/**
 * Walks a selection of practice items without a browser's memory: the next item at a difficulty is
 * the first one after the current item in curriculum order, going round. The browser script, which
 * remembers ratings, picks with more care (items due again first, nothing twice in a session).
 */
final class PracticeSequence {
  private final List<PracticeCard> cards;

  PracticeSequence(List<PracticeCard> cards) {
    this.cards = List.copyOf(cards);
  }

  /** The item with this id, if the selection holds it. */
  Optional<PracticeCard> find(String id) {
    return cards.stream().filter(card -> card.id().equals(id)).findFirst();
  }

  /**
   * The item to show after {@code current} (null at the start), at {@code difficulty} when the
   * selection has one there, else at the nearest difficulty that has one.
   */
  Optional<PracticeCard> next(PracticeCard current, Difficulty difficulty) {
    if (cards.isEmpty()) {
      return Optional.empty();
    }
    Difficulty wanted = nearestPresent(difficulty == null ? Difficulty.BEGINNER : difficulty);
    int start = current == null ? -1 : cards.indexOf(current);
    for (int step = 1; step <= cards.size(); step++) {
      PracticeCard candidate = cards.get(Math.floorMod(start + step, cards.size()));
      if (candidate.difficulty() == wanted && (candidate != current || cards.size() == 1)) {
        return Optional.of(candidate);
      }
    }
    return Optional.ofNullable(current);
  }

  /** {@code difficulty} if some item has it, else the closest one some item has. */
  private Difficulty nearestPresent(Difficulty difficulty) {
    Difficulty best = null;
    for (PracticeCard card : cards) {
      int distance = Math.abs(card.difficulty().ordinal() - difficulty.ordinal());
      if (best == null || distance < Math.abs(best.ordinal() - difficulty.ordinal())) {
        best = card.difficulty();
      }
    }
    return best;
  }
}
