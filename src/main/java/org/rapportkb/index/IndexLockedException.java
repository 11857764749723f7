package org.rapportkb.index;

import java.io.IOException;

/** Thrown when another process already writes to the index folder. */
public final class IndexLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
