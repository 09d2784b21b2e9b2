package nl.reintegratie.gateway.transfer;

import nl.reintegratie.gateway.dossier.Coded;

/**
 * The statutory ground on which a commissioner hands a dossier to the next provider. Consent is deliberately not
 * one of them: the law gives the basis, the GDPR the duty to inform and the right to object.
 */
public enum LegalBasis implements Coded {
  /** A municipality: art. 67 lid 1 sub e Participatiewet (formerly WWB). */
  PARTICIPATIEWET_ART_67("participatiewet-art-67-lid-1-e"),
  /** UWV: art. 73 lid 9 and 10 Wet SUWI. */
  WET_SUWI_ART_73("wet-suwi-art-73-lid-9-10");

  private final String code;

  LegalBasis(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
