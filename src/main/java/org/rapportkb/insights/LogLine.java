package org.rapportkb.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.rapportkb.json.Json;

/**
 * One line of the search log. Nothing in it names or tells apart the person who searched: no
 * address, user id, cookie, user agent or time of day, only the day.
 */
public sealed interface LogLine permits LogLine.Search, LogLine.Opened {
  /** The day the line was written, {@code yyyy-mm-dd}. */
  String day();

  /**
   * A search from the search page or {@code /api/search}.
   *
   * @param search a random id for this one search, carried by its result links
   * @param query the query as searched
   * @param total how many articles it found
   * @param top the slug of the best result, or null when nothing was found
   * @param weak true when the best result is a weak answer (see {@link ResultStrength})
   */
  record Search(String day, String search, String query, long total, String top, boolean weak)
      implements LogLine {}

  /**
   * A result of the search {@code opened} was followed, the first time.
   *
   * @param opened the id of that search
   */
  record Opened(String day, String opened) implements LogLine {}

  /** The line as one line of JSON, without its line break. */
  default String toJson() {
    return Json.write(this);
  }

  /** Reads one line of the log; empty when it is not a whole, well-formed line. */
  static Optional<LogLine> parse(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject() || !isDay(node.path("day"))) {
      return Optional.empty();
    }
    String day = node.get("day").asText();
    if (node.path("opened").isTextual()) {
      return Optional.of(new Opened(day, node.get("opened").asText()));
    }
    JsonNode top = node.path("top");
    if (node.path("search").isTextual()
        && node.path("query").isTextual()
        && node.path("total").canConvertToLong()
        && (top.isTextual() || top.isNull())
        && node.path("weak").isBoolean()) {
      return Optional.of(
          new Search(
              day,
              node.get("search").asText(),
              node.get("query").asText(),
              node.get("total").asLong(),
              top.isNull() ? null : top.asText(),
              node.get("weak").asBoolean()));
    }
    return Optional.empty();
  }

  private static boolean isDay(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      LocalDate.parse(value.asText());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
