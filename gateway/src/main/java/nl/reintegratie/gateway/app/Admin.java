package nl.reintegratie.gateway.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import nl.reintegratie.gateway.config.GatewayConfig;
import nl.reintegratie.gateway.crypto.KeyRing;
import nl.reintegratie.gateway.signature.ProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.MongoProviderRegistry;
import nl.reintegratie.gateway.signature.mongo.SignatureCollections;
import nl.reintegratie.gateway.store.Indexes;
import nl.reintegratie.gateway.store.Store;
import nl.reintegratie.gateway.store.Stores;

/**
 * Operator commands, with the gateway's own configuration (see README):
 * <pre>
 *   add-kek          add a new key-encryption key version to KEK_FILE and make it active
 *   rotate-keys      re-wrap every client key under the active version (documents stay as they are)
 *   retire-kek N     remove version N from KEK_FILE; refused while any client key still uses it
 *   shred-expired    shred every client whose retention period has ended
 *   register-provider FOLDER [DAYS]   register a provider, its signing key (valid DAYS, default 730) and
 *                    its encryption key from a folder (provider.json, signing-ed25519.pub, encryption-x25519.pub)
 *   revoke-key KEYID revoke a provider's signing key; requests signed with it are refused from then on
 *   verify-log       verify the whole disclosure log (every entry, subtree, checkpoint and signature); exit 0
 *                    when it holds, 1 with the first problem
 * </pre>
 * The embedded store can be opened by one process at a time: stop the gateway first, or point
 * {@code MONGO_URI} at the shared MongoDB.
 */
public final class Admin {

  private Admin() {}

  public static void main(String[] args) {
    System.exit(run(args, Main.configOrExit(), System.out));
  }

  /** Runs one command; returns the process exit code (0 done, 1 failed, 2 wrong usage). */
  static int run(String[] args, GatewayConfig config, PrintStream out) {
    if (args.length == 0) {
      out.println("usage: admin.sh add-kek | rotate-keys | retire-kek <version> | shred-expired"
          + " | register-provider <folder> [days] | revoke-key <keyId> | verify-log");
      return 2;
    }
    try {
      switch (args[0]) {
        case "add-kek" -> {
          int version = KeyRing.addVersion(config.kekFile());
          out.println("Sleutelversie " + version + " toegevoegd en actief. Zet nu alle klantsleutels om: rotate-keys");
          return 0;
        }
        case "rotate-keys" -> {
          return withDossiers(config, out, dossiers -> dossiers.rotation().rewrapAll(progress ->
                  out.printf("  %,d sleutels bekeken, %,d omgezet, %,d intussen vernietigd%n",
                      progress.seen(), progress.rewrapped(), progress.vanished()))
              .map(done -> {
                out.printf("Klaar: %,d klantsleutels gebruiken nu de actieve sleutelversie.%n",
                    done.seen() - done.vanished());
                return 0;
              }));
        }
        case "retire-kek" -> {
          if (args.length != 2) {
            out.println("usage: admin.sh retire-kek <version>");
            return 2;
          }
          int version = Integer.parseInt(args[1]);
          return withDossiers(config, out, dossiers -> dossiers.rotation().countUsing(version).map(users -> {
            if (users > 0) {
              out.printf("Versie %d wordt nog door %,d klantsleutels gebruikt: eerst rotate-keys.%n", version, users);
              return 1;
            }
            KeyRing.retireVersion(config.kekFile(), version);
            out.println("Sleutelversie " + version + " verwijderd.");
            return 0;
          }));
        }
        case "shred-expired" -> {
          return withDossiers(config, out, dossiers -> dossiers.retentionJob().run().map(count -> {
            out.printf("%,d cliënten vernietigd (bewaartermijn verlopen).%n", count);
            return 0;
          }));
        }
        case "register-provider" -> {
          if (args.length < 2 || args.length > 3) {
            out.println("usage: admin.sh register-provider <folder> [days]");
            return 2;
          }
          ProviderFolders folder = ProviderFolders.readOne(java.nio.file.Path.of(args[1]));
          java.time.Duration validity = java.time.Duration.ofDays(args.length == 3 ? Integer.parseInt(args[2]) : 730);
          return withProviders(config, out, registry -> folder.registerAbsent(registry, java.time.Clock.systemUTC(),
              validity).map(v -> {
                out.println("Aanbieder " + folder.providers().get(0).organisation().id()
                    + " staat in het register (wat er al stond, is niet veranderd).");
                return 0;
              }));
        }
        case "revoke-key" -> {
          if (args.length != 2) {
            out.println("usage: admin.sh revoke-key <keyId>");
            return 2;
          }
          return withProviders(config, out, registry -> registry.revokeKey(args[1]).map(found -> {
            out.println(found ? "Sleutel " + args[1] + " ingetrokken. Andere gateways weigeren hem binnen 30 seconden."
                : "Sleutel " + args[1] + " bestaat niet.");
            return found ? 0 : 1;
          }));
        }
        case "verify-log" -> {
          long started = System.nanoTime();
          return withStore(config, out, (vertx, store) -> DisclosureLogs.verify(vertx, store, config).map(result -> {
            out.printf("verify-log: %s (%.1f s)%n", result.summary(), (System.nanoTime() - started) / 1e9);
            return result.ok() ? 0 : 1;
          }));
        }
        default -> {
          out.println("unknown command: " + args[0]);
          return 2;
        }
      }
    } catch (RuntimeException e) {
      out.println("Mislukt: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  private interface Work {
    Future<Integer> apply(Dossiers dossiers);
  }

  private interface RegistryWork {
    Future<Integer> apply(ProviderRegistry registry);
  }

  private static int withProviders(GatewayConfig config, PrintStream out, RegistryWork work) {
    return withStore(config, out, (vertx, store) -> Indexes.ensure(store, SignatureCollections.INDEXES)
        .compose(v -> work.apply(new MongoProviderRegistry(store))));
  }

  private static int withDossiers(GatewayConfig config, PrintStream out, Work work) {
    return withStore(config, out, (vertx, store) -> Dossiers.open(vertx, store, KeyRing.load(config.kekFile()),
        config.retention()).compose(work::apply));
  }

  private interface StoreWork {
    Future<Integer> apply(Vertx vertx, Store store);
  }

  private static int withStore(GatewayConfig config, PrintStream out, StoreWork work) {
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Stores.open(vertx, Gateway.storeSettings(config)).await(30, TimeUnit.SECONDS);
      try {
        return work.apply(vertx, store).await(1, TimeUnit.HOURS);
      } finally {
        store.close().await(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      out.println("Mislukt: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + (config.store().mongoUri().isEmpty() ? " (draait de gateway nog? stop hem eerst)" : ""));
      return 1;
    } finally {
      vertx.close().await();
    }
  }
}
