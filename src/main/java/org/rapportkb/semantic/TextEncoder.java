package org.rapportkb.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds one text per ONNX Runtime call with a BERT-style model, the way langchain4j's {@code
 * OnnxBertBiEncoder} does (so every vector it made before stays valid) but tokenizing once where
 * that tokenizes three times: token vectors pooled, then scaled to unit length.
 *
 * <p><b>Long texts.</b> The model's tokenizer file cuts every text at 128 tokens, {@code [CLS]} and
 * {@code [SEP]} included, and langchain4j kept that cut, so text beyond it is left out here too. Of
 * the 1,569 passages {@link PassageSplitter} made of the bundled articles when this was written, 85
 * reached the cut (the longest would be 195 tokens); a larger window would change their vectors.
 *
 * <p><b>One text per call.</b> Several texts per call (sorted by length, padded to the longest of
 * the call, mean-pooled under the attention mask) would not give the same vectors: the quantized
 * model scales each layer's input by one factor for the whole call ({@code DynamicQuantizeLinear}),
 * so a passage's vector would depend on the passages that share its call, with or without padding
 * (on the bundled passages, cosine 0.99 on average and down to 0.97 against the passage alone). It
 * would save little: about 5 ms of CPU a passage in calls of 8, against 6 ms alone, on two cores
 * ({@code EmbeddingThroughput} in the tests measures both). Throughput comes from calling on
 * several threads at once, one ONNX thread each.
 */
final class TextEncoder {
  private final OrtEnvironment environment;
  private final OrtSession network;
  private final HuggingFaceTokenizer tokenizer;
  private final PoolingMode pooling;
  private final boolean typeIds;

  /** {@code tokenizer} must not pad (the model's file pads to 128 tokens unless told not to). */
  TextEncoder(
      OrtEnvironment environment,
      OrtSession network,
      HuggingFaceTokenizer tokenizer,
      PoolingMode pooling)
      throws OrtException {
    this.environment = environment;
    this.network = network;
    this.tokenizer = tokenizer;
    this.pooling = pooling;
    this.typeIds = network.getInputNames().contains("token_type_ids");
  }

  /** The unit-length vector of {@code text}; fails on a text without a single token. */
  float[] embed(String text) {
    Encoding encoding = tokenizer.encode(text, true, false);
    long[] ids = encoding.getIds();
    if (ids.length <= 2) {
      throw new IllegalArgumentException("cannot embed empty or whitespace-only text");
    }
    List<OnnxTensor> tensors = new ArrayList<>(3);
    try {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", tensor(ids, tensors));
      inputs.put("attention_mask", tensor(encoding.getAttentionMask(), tensors));
      if (typeIds) {
        inputs.put("token_type_ids", tensor(encoding.getTypeIds(), tensors));
      }
      try (OrtSession.Result result = network.run(inputs)) {
        OnnxTensor tokens = (OnnxTensor) result.get(0);
        long[] shape = tokens.getInfo().getShape();
        return Vectors.unit(pool(tokens.getFloatBuffer(), (int) shape[1], (int) shape[2]));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    } finally {
      tensors.forEach(OnnxTensor::close);
    }
  }

  private OnnxTensor tensor(long[] values, List<OnnxTensor> opened) throws OrtException {
    OnnxTensor tensor =
        OnnxTensor.createTensor(
            environment, LongBuffer.wrap(values), new long[] {1, values.length});
    opened.add(tensor);
    return tensor;
  }

  /** One vector of {@code dimension} from {@code count} token vectors, in langchain4j's order. */
  private float[] pool(FloatBuffer tokens, int count, int dimension) {
    float[] vector = new float[dimension];
    if (pooling == PoolingMode.CLS) {
      tokens.get(0, vector);
      return vector;
    }
    for (int token = 0; token < count; token++) {
      int offset = token * dimension;
      for (int i = 0; i < dimension; i++) {
        vector[i] += tokens.get(offset + i);
      }
    }
    for (int i = 0; i < dimension; i++) {
      vector[i] /= count;
    }
    return vector;
  }
}
