package nl.reintegratie.gateway.http;

import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;

/** The languages user-facing text is available in. Dutch unless the client prefers English. */
public enum Language {
  NL,
  EN;

  public static Language of(RoutingContext ctx) {
    for (LanguageHeader header : ctx.acceptableLanguages()) {
      String tag = header.tag();
      if ("nl".equalsIgnoreCase(tag)) {
        return NL;
      }
      if ("en".equalsIgnoreCase(tag)) {
        return EN;
      }
    }
    return NL;
  }
}
