/** MongoDB adapters of the transfer capability. */
package nl.reintegratie.gateway.transfer.mongo;
