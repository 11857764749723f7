package org.rapportkb.semantic;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures closeness of meaning. */
public interface Embedder {
  /** The model's name, as in {@code semantic.yml}; stored with every passage vector. */
  String model();

  /** The length of every vector this embedder returns. */
  int dimension();

  /** Vectors for passages of article text, in the order given. */
  List<float[]> embedPassages(List<String> texts);

  /** The vector of what a trainee typed. */
  float[] embedQuery(String text);
}
