/** The HTTP routes of the transfer capability: the provider API's releases. */
package nl.reintegratie.gateway.transfer.http;
