package nl.reintegratie.client.cli;

/** The command line is wrong: the message says how; the caller prints it with the usage and exits with 2. */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
