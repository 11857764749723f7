package org.rapportkb.practice;

import java.util.List;

/**
 * One practice item as an article writes it: a client statement to answer, graded, with model
 * responses that take different approaches.
 *
 * @param id stable while the article's slug and the client's words stay the same
 * @param scene who is speaking and where, or empty
 * @param why what the model responses do, or empty
 */
public record PracticeItem(
    String id,
    Difficulty difficulty,
    String scene,
    String client,
    List<String> responses,
    String why) {

  public PracticeItem {
    responses = List.copyOf(responses);
  }
}
