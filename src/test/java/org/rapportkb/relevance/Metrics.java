package org.rapportkb.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ranking metrics over graded judgments: nDCG@10 with gains 2^grade - 1; MRR and success@3 count a
 * hit only where the article is graded 2 (the one to read first).
 */
final class Metrics {
  private Metrics() {}

  /** Per-query scores of one ranking system over one query set. */
  record Scores(double[] ndcgs, double[] reciprocalRanks, double[] successesAt3) {
    double ndcg() {
      return mean(ndcgs);
    }

    double mrr() {
      return mean(reciprocalRanks);
    }

    double success3() {
      return mean(successesAt3);
    }
  }

  static Scores score(List<Judgments.Judged> queries, List<List<String>> rankings) {
    int n = queries.size();
    double[] ndcg = new double[n];
    double[] rr = new double[n];
    double[] s3 = new double[n];
    for (int i = 0; i < n; i++) {
      Judgments.Judged judged = queries.get(i);
      List<String> ranking = rankings.get(i);
      ndcg[i] = ndcgAt10(ranking, judged.grades());
      for (int r = 0; r < ranking.size(); r++) {
        if (judged.isHighlyRelevant(ranking.get(r))) {
          rr[i] = 1.0 / (r + 1);
          s3[i] = r < 3 ? 1 : 0;
          break;
        }
      }
    }
    return new Scores(ndcg, rr, s3);
  }

  static double ndcgAt10(List<String> ranking, Map<String, Integer> grades) {
    double dcg = 0;
    for (int r = 0; r < Math.min(10, ranking.size()); r++) {
      dcg += gain(grades.getOrDefault(ranking.get(r), 0)) / log2(r + 2);
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int r = 0; r < Math.min(10, ideal.size()); r++) {
      idcg += gain(ideal.get(r)) / log2(r + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }

  /**
   * A 95% interval for the mean of {@code a - b} over queries, by paired bootstrap (10,000
   * resamples of the queries, fixed seed): the noise of a comparison on this set.
   */
  static double[] pairedInterval(double[] a, double[] b) {
    Random random = new Random(42);
    int n = a.length;
    double[] means = new double[10_000];
    for (int s = 0; s < means.length; s++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        int q = random.nextInt(n);
        sum += a[q] - b[q];
      }
      means[s] = sum / n;
    }
    java.util.Arrays.sort(means);
    return new double[] {means[(int) (0.025 * means.length)], means[(int) (0.975 * means.length)]};
  }

  /** Queries where {@code a} beats {@code b}, and where it loses. */
  static int[] winsAndLosses(double[] a, double[] b) {
    int wins = 0;
    int losses = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i] + 1e-9) {
        wins++;
      } else if (b[i] > a[i] + 1e-9) {
        losses++;
      }
    }
    return new int[] {wins, losses};
  }
}
