package nl.reintegratie.gateway.audit.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.reintegratie.gateway.audit.AuditFixtures;
import nl.reintegratie.gateway.audit.LoggedEntry;
import nl.reintegratie.gateway.audit.StoredEntry;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

  @Test
  void aDocument_readsBackAsTheSameEntry_andTheSameFields() {
    LoggedEntry logged = new LoggedEntry(3, AuditFixtures.entry(3, "c-1").byActor("a-1").withReason("r-1"));
    byte[] leaf = logged.leafHash().bytes();

    var document = EntryCodec.toDocument(logged, leaf, new byte[][] {new byte[32]});
    StoredEntry stored = EntryCodec.stored(document);

    assertThat(EntryCodec.logged(document)).isEqualTo(logged);
    assertThat(stored.fields()).isEqualTo(logged.fields());
    assertThat(stored.leafHash()).isEqualTo(leaf);
    assertThat(stored.nodes()).hasSize(1);
  }

  @Test
  void dates_asTheDriverSpellsThem_parseLikeInstantParse() {
    for (String date : new String[] {"2026-11-24T10:15:30Z", "2026-11-24T10:15:30.1Z", "2026-11-24T10:15:30.12Z",
        "2026-11-24T10:15:30.123Z", "2026-11-24T10:15:30.123456Z", "1969-12-31T23:59:59.999Z",
        "2000-02-29T00:00:00Z", "2026-11-24T10:15:30+01:00"}) {
      assertThat(EntryCodec.epochMillis(date)).as(date).isEqualTo(Instant.parse(date).toEpochMilli());
    }
    assertThatThrownBy(() -> EntryCodec.epochMillis("2026-02-30T10:15:30Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> EntryCodec.epochMillis("2026-11-24T1x:15:30.123Z"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
