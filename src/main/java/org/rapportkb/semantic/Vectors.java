package org.rapportkb.semantic;

/** Small vector arithmetic. */
final class Vectors {
  private Vectors() {}

  /** {@code vector} scaled to unit length (a zero vector is returned as it is). */
  static float[] unit(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    if (sum == 0) {
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(sum));
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = vector[i] * scale;
    }
    return out;
  }
}
