package nl.reintegratie.client.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its positional arguments and its {@code --name value} (or
 * {@code --name=value}) options. Every option takes a value; which options a command accepts and how many
 * arguments it takes is checked here, so a typo fails before anything is signed or sent.
 */
record CommandLine(String command, List<String> arguments, Map<String, String> options, boolean help) {

  static final Set<String> CONNECTION_OPTIONS = Set.of("gateway", "provider", "ca", "gateway-key", "gateway-key-id");

  private record Shape(int arguments, Set<String> extraOptions) {
  }

  private static final Map<String, Shape> COMMANDS = Map.of(
      "trajectories", new Shape(0, Set.of()),
      "trajectory", new Shape(1, Set.of()),
      "submit", new Shape(3, Set.of("idempotency-key")),
      "document", new Shape(3, Set.of()),
      "releases", new Shape(0, Set.of()),
      "release", new Shape(1, Set.of("out")));

  CommandLine {
    arguments = List.copyOf(arguments);
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  static CommandLine parse(String[] args) throws UsageException {
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CommandLine("help", List.of(), Map.of(), true);
      }
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("option --" + name + " needs a value");
      }
      if (options.put(name, value) != null) {
        throw new UsageException("option --" + name + " given twice");
      }
    }
    if (positional.isEmpty()) {
      throw new UsageException("no command given");
    }
    String command = positional.get(0);
    if (command.equals("help")) {
      return new CommandLine("help", List.of(), Map.of(), true);
    }
    Shape shape = COMMANDS.get(command);
    if (shape == null) {
      throw new UsageException("unknown command \"" + command + "\"");
    }
    List<String> arguments = positional.subList(1, positional.size());
    if (arguments.size() != shape.arguments()) {
      throw new UsageException(command + " takes " + shape.arguments() + " argument"
          + (shape.arguments() == 1 ? "" : "s") + ", got " + arguments.size());
    }
    for (String name : options.keySet()) {
      if (!CONNECTION_OPTIONS.contains(name) && !shape.extraOptions().contains(name)) {
        throw new UsageException("unknown option --" + name + " for " + command);
      }
    }
    return new CommandLine(command, arguments, options, false);
  }

  String argument(int index) {
    return arguments.get(index);
  }

  String option(String name) {
    return options.get(name);
  }
}
