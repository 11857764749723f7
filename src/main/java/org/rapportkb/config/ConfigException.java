package org.rapportkb.config;

import java.util.List;
import org.rapportkb.check.Problem;

/** Thrown when the index-config folder cannot be used; carries one message per problem. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid configuration" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
