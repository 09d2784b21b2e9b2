/**
 * The command line on top of the library ({@code ./provider.sh}, {@code provider-client/target/provider-client.jar}):
 * argument parsing, the keys-dev defaults, output and exit codes. No logic of the protocol lives here.
 */
package nl.reintegratie.client.cli;
