package org.rapportkb.web;

import io.javalin.http.sse.SseClient;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rapportkb.DaemonThreads;
import org.rapportkb.json.Json;

/**
 * {@code /events}: a server-sent event stream telling open article pages which articles changed, so
 * that a page reloads itself when its article is saved, whether or not the save could be published.
 * A comment every few seconds keeps idle connections open.
 */
final class LiveReload implements AutoCloseable {
  static final String EVENT = "articles-changed";

  /** Sent once a stream is registered: from then on, no change is missed. */
  static final String READY = "ready";

  private static final long HEARTBEAT_SECONDS = 15;

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService heartbeat;
  private volatile boolean closed;

  /** Keeps a new event stream open until the browser leaves or the server stops. */
  void connect(SseClient client) {
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    clients.add(client);
    if (closed) {
      clients.remove(client);
      client.close();
      return;
    }
    send(client, () -> client.sendEvent(READY, "{}"));
  }

  /** Tells every open page that these articles changed; none named means any may have. */
  void broadcast(Collection<String> slugs) {
    String data = Json.write(new Changed(List.copyOf(slugs), slugs.isEmpty()));
    for (SseClient client : clients) {
      send(client, () -> client.sendEvent(EVENT, data));
    }
  }

  int connections() {
    return clients.size();
  }

  synchronized void start() {
    if (heartbeat == null) {
      heartbeat =
          Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rapport-kb-live-reload"));
      heartbeat.scheduleAtFixedRate(
          this::ping, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void ping() {
    for (SseClient client : clients) {
      send(client, () -> client.sendComment("ping"));
    }
  }

  /** Writes to one stream at a time; a stream that fails is dropped. */
  private void send(SseClient client, Runnable write) {
    synchronized (client) {
      if (client.terminated()) {
        clients.remove(client);
        return;
      }
      try {
        write.run();
      } catch (RuntimeException e) {
        clients.remove(client);
        client.close();
      }
    }
  }

  /** Ends every open stream (browsers reconnect by themselves) and stops the heartbeat. */
  @Override
  public synchronized void close() {
    closed = true;
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      heartbeat = null;
    }
    for (SseClient client : clients) {
      synchronized (client) {
        client.close();
      }
    }
    clients.clear();
  }

  /**
   * The data of an {@value #EVENT} event.
   *
   * @param all true when the changed articles are not known, so that every article page reloads
   */
  record Changed(List<String> slugs, boolean all) {}
}
