package org.rapportkb.index;

/** Told how far an indexing pass has got; called from indexing threads. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void progress(int done, int total);
}
