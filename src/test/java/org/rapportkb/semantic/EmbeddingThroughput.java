package org.rapportkb.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.lucene.util.VectorUtil;

/**
 * Passages per second and CPU per passage of ways to embed the passages of a folder of articles,
 * each against the vectors {@link OnnxEmbedder} gives, the ways taking turns round after round. Run
 * by hand after {@code mvn -o test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.rapportkb.semantic.EmbeddingThroughput [articles-folder] [rounds] [all|single]
 * </pre>
 *
 * ({@code cp.txt} from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}). {@code
 * single} leaves out the batched ways, which take long on a large corpus.
 */
final class EmbeddingThroughput {
  private static final String MODEL = "all-minilm-l6-v2-q";
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private EmbeddingThroughput() {}

  public static void main(String[] args) throws Exception {
    Path articles = Path.of(args.length > 0 ? args[0] : "articles");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean batched = args.length < 3 || args[2].equals("all");
    List<String> texts = BundledPassages.texts(articles);
    System.out.printf(
        "%,d passages of %s, %d cores%n",
        texts.size(), articles, Runtime.getRuntime().availableProcessors());
    Embedder current = OnnxEmbedder.load(MODEL, 1);
    List<float[]> expected = current.embedPassages(texts);
    Batches batches = new Batches();
    List<Way> ways = new ArrayList<>();
    ways.add(new Way("one text per call (OnnxEmbedder)", current::embedPassages));
    ways.add(new Way("one text per call (langchain4j, as before)", langchain4j()));
    if (batched) {
      for (int size : new int[] {8, 32, 64}) {
        ways.add(
            new Way("batches of " + size + ", 2 calls at once", t -> batches.run(t, size, 2, 1)));
      }
      ways.add(new Way("batches of 32, 1 call of 2 threads", t -> batches.run(t, 32, 1, 2)));
    }
    for (Way way : ways) {
      way.embed.apply(texts.subList(0, Math.min(100, texts.size())));
    }
    for (int round = 1; round <= rounds; round++) {
      for (Way way : ways) {
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        List<float[]> vectors = way.embed.apply(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6 / texts.size();
        double min = 1;
        double sum = 0;
        for (int i = 0; i < texts.size(); i++) {
          double cosine = VectorUtil.dotProduct(expected.get(i), Vectors.unit(vectors.get(i)));
          min = Math.min(min, cosine);
          sum += cosine;
        }
        System.out.printf(
            "round %d  %-44s %6.0f passages/s  %5.2f ms CPU/passage  cosine min %.4f mean %.4f"
                + "  load %.1f%n",
            round,
            way.name,
            texts.size() / seconds,
            cpuMs,
            min,
            sum / texts.size(),
            OS.getSystemLoadAverage());
      }
    }
    System.exit(0);
  }

  private record Way(String name, Function<List<String>, List<float[]>> embed) {}

  private static InputStream resource(String path) {
    return EmbeddingThroughput.class.getResourceAsStream(path);
  }

  private static OrtSession network(int threads) throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream onnx = resource("/all-minilm-l6-v2-q.onnx")) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return OrtEnvironment.getEnvironment().createSession(onnx.readAllBytes(), options);
    }
  }

  /** How passages were embedded before {@link TextEncoder}: langchain4j on one thread per core. */
  private static Function<List<String>, List<float[]>> langchain4j() throws Exception {
    OnnxBertBiEncoder bert =
        new OnnxBertBiEncoder(
            OrtEnvironment.getEnvironment(),
            network(1),
            resource("/all-minilm-l6-v2-q-tokenizer.json"),
            PoolingMode.MEAN);
    var model =
        new AbstractInProcessEmbeddingModel(
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
          @Override
          protected OnnxBertBiEncoder model() {
            return bert;
          }

          @Override
          protected Integer knownDimension() {
            return 384;
          }
        };
    return texts ->
        model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
            .map(e -> e.vector())
            .toList();
  }

  /**
   * Several passages per call, sorted by length and padded to the longest of their call,
   * mean-pooled under the attention mask.
   */
  private static final class Batches {
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final HuggingFaceTokenizer tokenizer;
    private final OrtSession oneThread;
    private final OrtSession twoThreads;

    Batches() throws Exception {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              resource("/all-minilm-l6-v2-q-tokenizer.json"), Map.of("padding", "false"));
      oneThread = network(1);
      twoThreads = network(2);
    }

    List<float[]> run(List<String> texts, int size, int calls, int threads) {
      Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
      Integer[] order = new Integer[texts.size()];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
      float[][] vectors = new float[texts.size()][];
      ExecutorService pool = Executors.newFixedThreadPool(calls);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < order.length; from += size) {
          Integer[] part = Arrays.copyOfRange(order, from, Math.min(order.length, from + size));
          running.add(
              pool.submit(
                  () -> {
                    float[][] out = call(encodings, part, threads == 1 ? oneThread : twoThreads);
                    for (int i = 0; i < part.length; i++) {
                      vectors[part[i]] = out[i];
                    }
                    return null;
                  }));
        }
        for (Future<?> call : running) {
          call.get();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        pool.shutdown();
      }
      return Arrays.asList(vectors);
    }

    private float[][] call(Encoding[] encodings, Integer[] part, OrtSession network)
        throws Exception {
      int length = 0;
      for (int i : part) {
        length = Math.max(length, encodings[i].getIds().length);
      }
      long[] ids = new long[part.length * length];
      long[] mask = new long[ids.length];
      long[] types = new long[ids.length];
      for (int row = 0; row < part.length; row++) {
        Encoding encoding = encodings[part[row]];
        int n = encoding.getIds().length;
        System.arraycopy(encoding.getIds(), 0, ids, row * length, n);
        System.arraycopy(encoding.getAttentionMask(), 0, mask, row * length, n);
        System.arraycopy(encoding.getTypeIds(), 0, types, row * length, n);
      }
      long[] shape = {part.length, length};
      try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
          OnnxTensor maskTensor =
              OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
          OnnxTensor typeTensor =
              OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
          OrtSession.Result result =
              network.run(
                  Map.of(
                      "input_ids", idTensor,
                      "attention_mask", maskTensor,
                      "token_type_ids", typeTensor))) {
        FloatBuffer tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dimension = (int) ((OnnxTensor) result.get(0)).getInfo().getShape()[2];
        float[][] out = new float[part.length][dimension];
        for (int row = 0; row < part.length; row++) {
          int count = 0;
          for (int token = 0; token < length; token++) {
            if (mask[row * length + token] == 0) {
              continue;
            }
            count++;
            int offset = (row * length + token) * dimension;
            for (int i = 0; i < dimension; i++) {
              out[row][i] += tokens.get(offset + i);
            }
          }
          for (int i = 0; i < dimension; i++) {
            out[row][i] /= count;
          }
          out[row] = Vectors.unit(out[row]);
        }
        return out;
      }
    }
  }
}
