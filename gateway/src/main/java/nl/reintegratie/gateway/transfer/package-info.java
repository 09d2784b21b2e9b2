/**
 * The {@code transfer} capability: a commissioner's grant that hands selected parts of a client's earlier dossier to
 * the provider of the next trajectory, and the release that provider fetches, sealed to its key. Knows neither
 * MongoDB ({@code transfer.mongo}) nor HTTP ({@code transfer.http}).
 */
package nl.reintegratie.gateway.transfer;
