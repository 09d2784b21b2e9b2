/**
 * The provider API over dossiers (issue 4): providers, authenticated by their RFC 9421 request signature, list and
 * read the trajectories commissioned to them and submit documents to them. Every route and its handler order is in
 * {@link nl.reintegratie.gateway.dossier.http.ProviderApiRoutes}; the rules themselves (whose trajectory, exactly
 * once per idempotency key) live in {@link nl.reintegratie.gateway.dossier.ProviderDossiers}. Beside it, the
 * commissioner API ({@link nl.reintegratie.gateway.dossier.http.CommissionerRoutes}) and the client API over the
 * client's own trajectories and documents ({@link nl.reintegratie.gateway.dossier.http.ClientRoutes}).
 */
package nl.reintegratie.gateway.dossier.http;
