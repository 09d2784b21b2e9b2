/**
 * The {@code notify} capability: the client is told about every grant of their data, every revocation and the
 * decision on their objection, in plain Dutch (B1) and English: what, to whom, why, on which legal basis, from when
 * until when, and how to object.
 *
 * <p><b>Exactly once, never lost.</b> {@code transfer.GrantRepository} writes a {@code PendingNotice} before each
 * change it announces. {@link nl.reintegratie.gateway.notify.NoticeDelivery} works through them: it seals the text
 * under the client's key into an {@link nl.reintegratie.gateway.notify.InboxEntry} whose id is the notice id (so a
 * repeat finds it there and adds nothing), then records that a grant's notice is stored (only then can the release be
 * fetched), queues the e-mail, and only then forgets the pending notice. A crash between any two steps leaves the
 * pending notice, and the next run redoes what is missing.
 *
 * <p><b>E-mail</b> is a courtesy on top of the inbox, never the notice itself: it says only that there is a message
 * in the portal and what it is about (no recipient, no reasons: data minimisation on a channel we do not control).
 * {@link nl.reintegratie.gateway.notify.MailDelivery} sends what {@link nl.reintegratie.gateway.notify.MailOutbox}
 * holds, with exponential backoff while the SMTP server is down. The address is read from the client's sealed
 * personal data at sending time and is never stored or logged elsewhere.
 *
 * <p>Knows neither MongoDB ({@code notify.mongo}) nor SMTP ({@code notify.smtp}); the wiring in {@code app} starts
 * the workers.
 */
package nl.reintegratie.gateway.notify;
