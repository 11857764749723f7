package org.rapportkb.semantic;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.rapportkb.DaemonThreads;

/**
 * A sentence-embedding model shipped inside a jar, run in-process by ONNX Runtime with a capped
 * number of threads (its default of one per core thrashes when several requests embed at once), one
 * text per call ({@link TextEncoder} says why).
 */
final class OnnxEmbedder implements Embedder {
  /** A model this build can run: where its files are and how it pools token vectors. */
  enum Model {
    MINILM(
        "all-minilm-l6-v2-q",
        "/all-minilm-l6-v2-q.onnx",
        "/all-minilm-l6-v2-q-tokenizer.json",
        PoolingMode.MEAN,
        384,
        "");

    final String name;
    final String onnx;
    final String tokenizer;
    final PoolingMode pooling;
    final int dimension;
    final String queryPrefix;

    Model(
        String name,
        String onnx,
        String tokenizer,
        PoolingMode pooling,
        int dimension,
        String queryPrefix) {
      this.name = name;
      this.onnx = onnx;
      this.tokenizer = tokenizer;
      this.pooling = pooling;
      this.dimension = dimension;
      this.queryPrefix = queryPrefix;
    }

    static Model named(String name) {
      for (Model model : values()) {
        if (model.name.equals(name)) {
          return model;
        }
      }
      throw new IllegalArgumentException("unknown embedding model '" + name + "'");
    }
  }

  /** Passages are embedded this many at a time, each on one core; a query on its own thread. */
  private static final int PARALLEL_PASSAGES = Runtime.getRuntime().availableProcessors();

  private final Model model;
  private final TextEncoder encoder;
  private final Executor passages;

  private OnnxEmbedder(Model model, TextEncoder encoder, Executor passages) {
    this.model = model;
    this.encoder = encoder;
    this.passages = passages;
  }

  /** Loads {@code name} from the class path; fails where ONNX Runtime cannot run. */
  static OnnxEmbedder load(String name, int threads) throws IOException, OrtException {
    Model model = Model.named(name);
    // The tokenizer library must never try to download anything.
    System.setProperty("ai.djl.offline", "true");
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(model.tokenizer)) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      byte[] onnx;
      try (InputStream in = resource(model.onnx)) {
        onnx = in.readAllBytes();
      }
      OrtSession network = environment.createSession(onnx, options);
      var encoder =
          new TextEncoder(
              environment,
              network,
              HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false")),
              model.pooling);
      Executor pool =
          Executors.newFixedThreadPool(
              PARALLEL_PASSAGES, DaemonThreads.named("rapport-kb-embedding-worker"));
      return new OnnxEmbedder(model, encoder, pool);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = OnnxEmbedder.class.getResourceAsStream(path);
    if (in == null) {
      throw new IOException("the model file " + path + " is not on the class path");
    }
    return in;
  }

  @Override
  public String model() {
    return model.name;
  }

  @Override
  public int dimension() {
    return model.dimension;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<CompletableFuture<float[]>> running = new ArrayList<>(texts.size());
    for (String text : texts) {
      running.add(CompletableFuture.supplyAsync(() -> encoder.embed(text), passages));
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    try {
      for (CompletableFuture<float[]> vector : running) {
        vectors.add(vector.join());
      }
    } catch (CompletionException e) {
      running.forEach(vector -> vector.cancel(false));
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return vectors;
  }

  @Override
  public float[] embedQuery(String text) {
    return encoder.embed(model.queryPrefix + text);
  }
}
