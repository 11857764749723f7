package org.rapportkb.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.rapportkb.search.SearchHit;

/** The one JSON mapper of the application, shared by the command line and the web API. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .addMixIn(SearchHit.class, SearchHitShape.class);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw cannotWrite(value, e);
    }
  }

  /** {@code value} as UTF-8 JSON. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw cannotWrite(value, e);
    }
  }

  private static IllegalStateException cannotWrite(Object value, JsonProcessingException e) {
    return new IllegalStateException(
        "cannot write JSON for " + value.getClass().getSimpleName(), e);
  }
}
