package nl.reintegratie.gateway.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the gateway logs while a test runs, for assertions on log lines (an event was logged; a BSN, name or reason
 * never was). Reading takes a copy under the appender's own lock: the gateway logs from its event loops while the
 * test reads, and iterating the live list then fails now and then.
 */
public final class CapturedLogs implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs(Logger logger) {
    this.logger = logger;
    appender.start();
    logger.addAppender(appender);
  }

  /** Everything logged from now on, by any logger. */
  public static CapturedLogs ofRoot() {
    return of(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** What the logger {@code name} (and those below it) logs from now on, e.g. {@code security}. */
  public static CapturedLogs of(String name) {
    return new CapturedLogs((Logger) LoggerFactory.getLogger(name));
  }

  public List<ILoggingEvent> events() {
    synchronized (appender) { // AppenderBase appends under this lock
      return List.copyOf(appender.list);
    }
  }

  /** Each event's formatted message. */
  public List<String> lines() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Stops capturing. */
  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
