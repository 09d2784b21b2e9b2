/**
 * The HTTP routes of the transfer capability: the provider API's releases ({@link ReleaseRoutes}), the
 * commissioners' grants ({@link GrantRoutes}) and the client API's grants and objections
 * ({@link ClientGrantRoutes}).
 */
package nl.reintegratie.gateway.transfer.http;
