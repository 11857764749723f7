package org.rapportkb.semantic;

/**
 * Whether search by meaning is working: off by config, unavailable (the model cannot run here),
 * building (passages still being embedded), or ready.
 *
 * @param state {@code off}, {@code unavailable}, {@code building} or {@code ready}
 * @param done articles embedded so far while building
 * @param total articles to embed while building
 * @param reason why it is unavailable, else null
 */
public record SemanticStatus(String state, int done, int total, String reason) {
  public static final SemanticStatus READY = new SemanticStatus("ready", 0, 0, null);
  public static final SemanticStatus OFF = new SemanticStatus("off", 0, 0, null);

  static SemanticStatus building(int done, int total) {
    return new SemanticStatus("building", done, total, null);
  }

  static SemanticStatus unavailable(String reason) {
    return new SemanticStatus("unavailable", 0, 0, reason);
  }

  /** Off, unavailable or ready, as {@code settings} and this machine allow. */
  public static SemanticStatus of(org.rapportkb.config.SemanticSettings settings) {
    if (!settings.enabled()) {
      return OFF;
    }
    Embedders.Loaded loaded = Embedders.get(settings.model(), settings.threads());
    return loaded.ok() ? READY : unavailable(loaded.failure());
  }

  /** Whether queries should use passage vectors at all. */
  public boolean usable() {
    return state.equals("ready") || state.equals("building");
  }
}
