/**
 * The provider API over dossiers (issue 4): providers, authenticated by their RFC 9421 request signature, list and
 * read the trajectories commissioned to them and submit documents to them. Every route and its handler order is in
 * {@link nl.reintegratie.gateway.dossier.http.ProviderApiRoutes}; the rules themselves (whose trajectory, exactly
 * once per idempotency key) live in {@link nl.reintegratie.gateway.dossier.ProviderDossiers}.
 */
package nl.reintegratie.gateway.dossier.http;
