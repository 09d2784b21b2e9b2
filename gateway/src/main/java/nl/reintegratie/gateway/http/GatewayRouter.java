package nl.reintegratie.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The router every capability mounts its routes on, with what every route shares, in this
 * order: request id, response headers (security, API-Version), access log, body limit. Errors
 * from any route, and requests no route matches, become problem+json.
 */
public final class GatewayRouter {

  private GatewayRouter() {}

  /**
   * @param maxBodyBytes larger bodies are refused with 413 before they are buffered (the
   *     Content-Length is checked first; a chunked body is cut off at the limit)
   */
  public static Router create(Vertx vertx, long maxBodyBytes) {
    Router router = Router.router(vertx);
    ProblemFailureHandler problems = new ProblemFailureHandler(router);

    router.route().handler(new RequestIds());
    router.route().handler(new ResponseHeaders());
    router.route().handler(new AccessLog());
    router.route().handler(BodyHandler.create()
        .setBodyLimit(maxBodyBytes)
        .setHandleFileUploads(false)
        .setDeleteUploadedFilesOnEnd(true));
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 503}) {
      router.errorHandler(status, problems);
    }
    return router;
  }
}
