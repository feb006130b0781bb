import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on everything Parc serves (the API, the PWA shell and the meter page), from
 * Hono's maintained middleware. The PWA loads only its own scripts; dealers' logos may come from
 * their own https sites; uPlot and Solid set inline style attributes, hence 'unsafe-inline' for
 * styles only. HSTS only when the public address is https (a plain-http install must stay reachable).
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  return secureHeaders({
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
}
