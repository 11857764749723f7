package org.rapportkb.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.rapportkb.article.SectionRules;
import org.rapportkb.article.Level;
import org.rapportkb.bench.SourceCorpus.Section;
import org.rapportkb.bench.SourceCorpus.Source;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/**
 * Writes one generated article as Markdown: front matter per the contract and all seven sections,
 * each made of sentences, list items and dialogue taken from the real articles. Half of each
 * section comes from the article the title is about, half from any article, so topics stay coherent
 * and term frequencies follow the real corpus.
 */
final class ArticleWriter {
  private static final LocalDate FIRST_UPDATE = LocalDate.of(2023, 1, 1);
  private static final double FROM_OWN_SOURCE = 0.5;
  private static final String WHY_IT_WORKS = "Why it works:";

  private final List<Source> sources;
  private final Map<String, List<String>> allSentences = new java.util.HashMap<>();
  private final Map<String, List<String>> allItems = new java.util.HashMap<>();
  private final List<String> allTags;
  private final List<String> allSummaries;

  /** What one generated article is about. */
  record Spec(
      int index, String slug, String title, Source source, String alias, List<String> related) {}

  ArticleWriter(SourceCorpus corpus) {
    this.sources = corpus.sources();
    for (String section : SectionRules.SECTIONS) {
      allSentences.put(section, flatten(s -> section(s, section).sentences()));
      allItems.put(section, flatten(s -> section(s, section).items()));
    }
    Set<String> tags = new LinkedHashSet<>();
    sources.forEach(s -> tags.addAll(s.article().meta().tags()));
    this.allTags = List.copyOf(tags);
    this.allSummaries = sources.stream().map(s -> s.article().meta().summary()).toList();
  }

  private List<String> flatten(Function<Source, List<String>> pieces) {
    List<String> all = new ArrayList<>();
    sources.forEach(s -> all.addAll(pieces.apply(s)));
    return List.copyOf(all);
  }

  private static Section section(Source source, String name) {
    Section section = source.sections().get(name);
    return section != null
        ? section
        : new Section(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** The Markdown of one article; the same spec and seed always give the same text. */
  String write(Spec spec, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    var meta = spec.source().article().meta();
    StringBuilder out = new StringBuilder(8192);
    out.append("---\n");
    out.append("title: ").append(quoted(spec.title())).append('\n');
    out.append("summary: ").append(quoted(summary(random, meta.summary()))).append('\n');
    out.append("category: ").append(meta.category()).append('\n');
    out.append("level: ").append(level(random, meta.level()).slug()).append('\n');
    if (random.nextDouble() < 0.7) {
      out.append("order: ").append(1 + random.nextInt(12)).append('\n');
    }
    out.append("tags: [").append(String.join(", ", tags(random, meta.tags()))).append("]\n");
    if (spec.alias() != null) {
      out.append("aliases: [").append(quoted(spec.alias())).append("]\n");
    }
    out.append("related: [").append(String.join(", ", spec.related())).append("]\n");
    out.append("updated: ").append(FIRST_UPDATE.plusDays(random.nextInt(1400))).append('\n');
    if (random.nextInt(100) == 0) {
      out.append("draft: true\n");
    }
    out.append("---\n\n");
    Source own = spec.source();
    heading(out, "What it is");
    paragraphs(out, random, own, "What it is", 2);
    if (random.nextDouble() < 0.3) {
      list(out, random, own, "What it is", 2 + random.nextInt(2), false);
    }
    heading(out, "Why it matters");
    paragraphs(out, random, own, "Why it matters", 2);
    heading(out, "How to do it");
    list(out, random, own, "How to do it", 4 + random.nextInt(3), true);
    if (random.nextDouble() < 0.3) {
      paragraphs(out, random, own, "How to do it", 1);
    }
    heading(out, "Example");
    example(out, random, own);
    heading(out, "Common pitfalls");
    list(out, random, own, "Common pitfalls", 3 + random.nextInt(3), false);
    heading(out, "Practice");
    practice(out, own);
    heading(out, "Sources");
    list(out, random, own, "Sources", 2 + random.nextInt(3), false);
    return out.toString().strip() + "\n";
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private String summary(SplittableRandom random, String own) {
    if (random.nextDouble() < 0.6) {
      return own;
    }
    String first = SENTENCE.split(own)[0];
    String other = SENTENCE.split(pick(random, allSummaries))[0];
    String both = first.equals(other) ? first : first + " " + other;
    return both.length() <= 600 ? both : first;
  }

  private static final java.util.regex.Pattern SENTENCE =
      java.util.regex.Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

  private static Level level(SplittableRandom random, Level own) {
    if (random.nextDouble() < 0.7) {
      return own;
    }
    return Level.values()[random.nextInt(Level.values().length)];
  }

  private List<String> tags(SplittableRandom random, List<String> own) {
    List<String> shuffled = new ArrayList<>(own);
    shuffle(random, shuffled);
    Set<String> tags =
        new LinkedHashSet<>(shuffled.subList(0, Math.min(shuffled.size(), 2 + random.nextInt(3))));
    if (random.nextDouble() < 0.3 && !allTags.isEmpty()) {
      tags.add(pick(random, allTags));
    }
    return List.copyOf(tags);
  }

  private static void heading(StringBuilder out, String name) {
    while (out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
      out.setLength(out.length() - 1);
    }
    out.append("\n## ").append(name).append("\n\n");
  }

  private void paragraphs(
      StringBuilder out, SplittableRandom random, Source own, String section, int count) {
    List<String> mine = section(own, section).sentences();
    List<String> any = allSentences.get(section);
    for (int p = 0; p < count; p++) {
      int sentences = 2 + random.nextInt(3);
      Set<String> chosen = new LinkedHashSet<>();
      for (int s = 0; s < sentences * 3 && chosen.size() < sentences; s++) {
        String sentence = pick(random, mine, any);
        if (sentence != null) {
          chosen.add(sentence);
        }
      }
      String paragraph = String.join(" ", chosen);
      if (!paragraph.isEmpty()) {
        out.append(paragraph).append("\n\n");
      }
    }
  }

  private void list(
      StringBuilder out,
      SplittableRandom random,
      Source own,
      String section,
      int count,
      boolean numbered) {
    List<String> mine = section(own, section).items();
    List<String> any = allItems.get(section);
    Set<String> items = new LinkedHashSet<>();
    for (int i = 0; i < count * 3 && items.size() < count; i++) {
      String item = pick(random, mine, any);
      if (item != null) {
        items.add(item);
      }
    }
    int n = 0;
    for (String item : items) {
      out.append(numbered ? ++n + ". " : "- ").append(item).append('\n');
    }
    out.append('\n');
  }

  private void example(StringBuilder out, SplittableRandom random, Source own) {
    Source scene = random.nextDouble() < FROM_OWN_SOURCE ? own : pick(random, sources);
    List<String> paragraphs = section(scene, "Example").paragraphs();
    paragraphs.stream()
        .filter(p -> !p.startsWith(WHY_IT_WORKS))
        .findFirst()
        .ifPresent(p -> out.append(p).append("\n\n"));
    int exchanges = 2 + random.nextInt(3);
    for (int e = 0; e < exchanges; e++) {
      Section dialogue =
          section(random.nextDouble() < FROM_OWN_SOURCE ? own : pick(random, sources), "Example");
      int pairs = Math.min(dialogue.client().size(), dialogue.counselor().size());
      if (pairs == 0) {
        continue;
      }
      int k = random.nextInt(pairs);
      out.append("**Client:** ").append(dialogue.client().get(k)).append("\n\n");
      out.append("**Counselor:** ").append(dialogue.counselor().get(k)).append("\n\n");
    }
    paragraphs.stream()
        .filter(p -> p.startsWith(WHY_IT_WORKS))
        .findFirst()
        .ifPresent(p -> out.append(p).append("\n\n"));
  }

  /** The practice section of {@code own}, written back in the form articles use. */
  private static void practice(StringBuilder out, Source own) {
    SkillPractice skill = own.article().practice();
    if (!skill.instructions().isEmpty()) {
      out.append(skill.instructions()).append("\n\n");
    }
    out.append("Criteria:\n\n");
    skill.criteria().forEach(criterion -> out.append("- ").append(criterion).append('\n'));
    out.append('\n');
    int n = 0;
    for (PracticeItem item : skill.items()) {
      out.append(++n).append(". **").append(item.difficulty().label()).append(".** \"");
      out.append(item.client()).append("\"\n");
      if (!item.scene().isEmpty()) {
        out.append("   - Scene: ").append(item.scene()).append('\n');
      }
      for (String response : item.responses()) {
        out.append("   - Response: \"").append(response).append("\"\n");
      }
      if (!item.why().isEmpty()) {
        out.append("   - Why: ").append(item.why()).append('\n');
      }
      out.append('\n');
    }
  }

  private <T> T pick(SplittableRandom random, List<T> mine, List<T> any) {
    if (!mine.isEmpty() && (any.isEmpty() || random.nextDouble() < FROM_OWN_SOURCE)) {
      return pick(random, mine);
    }
    return any.isEmpty() ? null : pick(random, any);
  }

  static <T> T pick(SplittableRandom random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  static <T> void shuffle(SplittableRandom random, List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      java.util.Collections.swap(list, i, random.nextInt(i + 1));
    }
  }
}
