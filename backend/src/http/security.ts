import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on everything Parc serves (the API, the PWA shell and the meter page), from
 * Hono's maintained middleware. The PWA loads only its own scripts; dealers' logos may come from
 * their own https sites; uPlot and Solid set inline style attributes, hence 'unsafe-inline' for
 * styles only. HSTS only when the public address is https (a plain-http install must stay reachable).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
    // The meter page and receipts open in other tabs: keep the default opener isolation off.
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
  });
  // A route may set a stricter policy of its own (uploaded floor plans are served sandboxed): keep it.
  return async (c, next) => {
    let own: string | null = null;
    await headers(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.res.headers.set('content-security-policy', own);
  };
}
