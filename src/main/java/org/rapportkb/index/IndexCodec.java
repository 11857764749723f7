package org.rapportkb.index;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * Lucene's default codec, with the passages' vectors searched as 8-bit numbers: the HNSW graph is
 * walked and its passages scored over vectors a quarter the size of their 32-bit floats, which stay
 * in the index beside them for merging and for the vector cache (docs/benchmarks.md, item 33).
 *
 * <p>NOTE: the codec's name stays Lucene's own, so any Lucene reader opens the index; each field
 * records the format it was written with, and segments written with full vectors only keep them
 * until they are merged.
 */
final class IndexCodec extends Lucene104Codec {
  /** Lucene's defaults for the graph: neighbours per node and the breadth of its construction. */
  private static final int MAX_CONNECTIONS = 16;

  private static final int BEAM_WIDTH = 100;

  private final KnnVectorsFormat passageVectors =
      new Lucene104HnswScalarQuantizedVectorsFormat(
          ScalarEncoding.UNSIGNED_BYTE, MAX_CONNECTIONS, BEAM_WIDTH);

  @Override
  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
    return IndexFields.PASSAGE_VECTOR.equals(field)
        ? passageVectors
        : super.getKnnVectorsFormatForField(field);
  }
}
