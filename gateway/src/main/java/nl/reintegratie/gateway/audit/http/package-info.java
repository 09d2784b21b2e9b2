/** The disclosure log's HTTP routes for supervisors: verification jobs, the signed checkpoint, consistency proofs. */
package nl.reintegratie.gateway.audit.http;
