package org.rapportkb.insights;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rapportkb.DaemonThreads;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.config.InsightsSettings;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records searches in the {@link SearchLog} while a trainer has it switched on, notes when a result
 * of a search is opened, deletes entries past their retention, and reports on what is kept. Knows
 * nothing of HTTP; a failing disk never fails a search, it is only logged.
 */
public final class SearchInsights implements AutoCloseable {
  /** How often old entries are looked for while the server runs (at start-up too). */
  static final long PURGE_EVERY_HOURS = 1;

  /** How many recent searches can still have their first opened result noted. */
  static final int AWAITING_OPEN = 10_000;

  private static final Pattern SEARCH_ID = Pattern.compile("[A-Za-z0-9_-]{16}");
  private static final Logger LOG = LoggerFactory.getLogger(SearchInsights.class);

  private final SearchLog log;
  private final Supplier<InsightsSettings> settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Boolean> awaitingOpen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > AWAITING_OPEN;
        }
      };
  private ScheduledExecutorService purger;
  private volatile boolean failing;

  /** True when the log's folder would lie among the articles or the config: it stays off. */
  private final boolean misplaced;

  /**
   * @param log where entries are kept
   * @param settings the settings in force, asked at every search so that an edit applies at once
   */
  public SearchInsights(SearchLog log, Supplier<InsightsSettings> settings, Clock clock) {
    this(log, settings, clock, false);
  }

  private SearchInsights(
      SearchLog log, Supplier<InsightsSettings> settings, Clock clock, boolean misplaced) {
    this.log = log;
    this.settings = settings;
    this.clock = clock;
    this.misplaced = misplaced;
  }

  /**
   * The search log of the knowledge base at {@code paths}, in {@link #folderFor its folder}; when
   * that folder lies inside the articles or config folder, nothing is ever recorded.
   */
  public static SearchInsights of(KnowledgeBase.Paths paths, Supplier<InsightsSettings> settings) {
    Path folder = folderFor(paths.index());
    boolean misplaced = isInside(folder, paths.articles()) || isInside(folder, paths.config());
    return new SearchInsights(
        new SearchLog(folder),
        misplaced ? () -> InsightsSettings.DEFAULTS : settings,
        Clock.systemDefaultZone(),
        misplaced);
  }

  /**
   * The folder of the search log for the index in {@code index}: {@code insights} beside it (so
   * {@code data/insights} for the default {@code data/index}).
   */
  public static Path folderFor(Path index) {
    return index.resolveSibling("insights");
  }

  private static boolean isInside(Path folder, Path tree) {
    return folder.toAbsolutePath().normalize().startsWith(tree.toAbsolutePath().normalize());
  }

  /** Where the log is kept. */
  public Path folder() {
    return log.folder();
  }

  public InsightsSettings settings() {
    return settings.get();
  }

  /** Deletes old entries now and then every hour until {@link #close}. */
  public synchronized void start() {
    if (misplaced) {
      LOG.warn(
          "search log: off, because its folder {} would lie inside the articles or config folder;"
              + " keep the index outside them",
          log.folder());
      return;
    }
    deleteExpired();
    if (purger == null) {
      purger =
          Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rapport-kb-insights"));
      purger.scheduleWithFixedDelay(
          this::deleteExpired, PURGE_EVERY_HOURS, PURGE_EVERY_HOURS, TimeUnit.HOURS);
    }
  }

  /** Deletes the entries older than the retention period; returns how many days were deleted. */
  public int deleteExpired() {
    try {
      int deleted = log.deleteBefore(firstKeptDay());
      if (deleted > 0) {
        LOG.info("search log: deleted {} day(s) past the retention period", deleted);
      }
      return deleted;
    } catch (IOException e) {
      LOG.warn("search log: cannot delete old entries in {}: {}", log.folder(), e.getMessage());
      return 0;
    }
  }

  /** Whether {@code request} would be recorded: the log is on and it is a first page of results. */
  public boolean records(SearchRequest request) {
    return settings.get().enabled() && request.page() == 1 && !request.query().isBlank();
  }

  /**
   * Records a search (asked for with its score parts, so that a weak answer can be told) and
   * returns the id for its result links; empty when it is not recorded.
   */
  public Optional<String> recordSearch(SearchRequest request, SearchResponse response) {
    if (!records(request) || response.query().isBlank()) {
      return Optional.empty();
    }
    String id = newId();
    String top = response.hits().isEmpty() ? null : response.hits().get(0).article().slug();
    boolean written =
        write(
            new LogLine.Search(
                today(),
                id,
                response.query(),
                response.total(),
                top,
                ResultStrength.isWeak(response)));
    if (!written) {
      return Optional.empty();
    }
    synchronized (awaitingOpen) {
      awaitingOpen.put(id, Boolean.TRUE);
    }
    return Optional.of(id);
  }

  /**
   * Notes that a result of the search {@code id} was opened; only the first result opened counts,
   * and an id this server did not hand out recently is ignored.
   */
  public void recordOpen(String id) {
    if (id == null || !SEARCH_ID.matcher(id).matches() || !settings.get().enabled()) {
      return;
    }
    synchronized (awaitingOpen) {
      if (awaitingOpen.remove(id) == null) {
        return;
      }
    }
    write(new LogLine.Opened(today(), id));
  }

  /** What the log holds within the retention period, up to {@code limit} queries per list. */
  public InsightsReport report(int limit) throws IOException {
    return read(log, settings.get(), clock, limit);
  }

  /** The report of the log in {@code log} under {@code settings}, without recording anything. */
  public static InsightsReport read(
      SearchLog log, InsightsSettings settings, Clock clock, int limit) throws IOException {
    LocalDate since = firstKeptDay(settings, clock);
    List<LogLine> lines = log.read(since);
    return InsightsReport.of(lines, since.toString(), limit);
  }

  private boolean write(LogLine line) {
    try {
      log.append(line);
      if (failing) {
        failing = false;
        LOG.info("search log: writing to {} again", log.folder());
      }
      return true;
    } catch (IOException e) {
      if (!failing) {
        failing = true;
        LOG.warn("search log: cannot write to {}: {}", log.folder(), e.getMessage());
      }
      return false;
    }
  }

  private LocalDate firstKeptDay() {
    return firstKeptDay(settings.get(), clock);
  }

  /**
   * The first day kept: entries are kept for the last {@code retentionDays} days, today included,
   * so none is kept more than that many days (and the hour until the next deletion).
   */
  private static LocalDate firstKeptDay(InsightsSettings settings, Clock clock) {
    return LocalDate.now(clock).minusDays(settings.retentionDays() - 1L);
  }

  private String today() {
    return LocalDate.now(clock).toString();
  }

  /** A random id of 96 bits, URL-safe: it says nothing about who searched. */
  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public synchronized void close() {
    if (purger != null) {
      purger.shutdownNow();
      purger = null;
    }
  }
}
