/** The notify capability's HTTP routes: the client's portal inbox. */
package nl.reintegratie.gateway.notify.http;
