/**
 * The SMTP adapter of the notify capability: Eclipse Angus Mail (Jakarta Mail), blocking, so it runs on Vert.x
 * worker threads. The only package that knows Jakarta Mail.
 */
package nl.reintegratie.gateway.notify.smtp;
