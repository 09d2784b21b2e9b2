package nl.reintegratie.gateway.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes each log event as one JSON line (timestamp, level, logger, thread, message, error),
 * with every text passed through {@link LogRedactor}. Messages use {@code key=value} pairs so
 * the line stays greppable and machine-readable at once.
 */
public final class RedactingJsonEncoder extends EncoderBase<ILoggingEvent> {

  private static final byte[] NOTHING = new byte[0];
  private static final int MAX_FRAMES = 20;

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    JsonObject line = new JsonObject()
        .put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString())
        .put("level", event.getLevel().toString())
        .put("logger", event.getLoggerName())
        .put("thread", event.getThreadName())
        .put("msg", LogRedactor.redact(event.getFormattedMessage()));
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.put("error", describe(error));
    }
    return (line.encode() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject describe(IThrowableProxy error) {
    JsonArray frames = new JsonArray();
    StackTraceElementProxy[] stack = error.getStackTraceElementProxyArray();
    for (int i = 0; stack != null && i < Math.min(stack.length, MAX_FRAMES); i++) {
      frames.add(stack[i].getSTEAsString());
    }
    JsonObject json = new JsonObject()
        .put("class", error.getClassName())
        .put("message", LogRedactor.redact(error.getMessage()))
        .put("frames", frames);
    if (error.getCause() != null && error.getCause() != error) {
      json.put("cause", describe(error.getCause()));
    }
    return json;
  }
}
