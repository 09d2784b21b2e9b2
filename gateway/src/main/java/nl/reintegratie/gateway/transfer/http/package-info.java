/**
 * The HTTP routes of the transfer capability: the provider API's releases ({@link ReleaseRoutes}) and the
 * commissioners' grants ({@link GrantRoutes}).
 */
package nl.reintegratie.gateway.transfer.http;
