/**
 * Headers for the tab's page. Teams shows a tab in an iframe, so the page may be framed by Teams'
 * hosts only (Microsoft's tab requirements: teams.microsoft.com, *.teams.microsoft.com and the new
 * *.cloud.microsoft domain); outside production nothing may frame it. Scripts and styles come from
 * this server only; in production the Teams JavaScript library may fetch its list of valid host
 * origins from Microsoft's CDN (it falls back to a built-in list), so that origin is allowed too.
 */
export const TEAMS_FRAME_ANCESTORS = ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft'] as const;

export function pageHeaders(mode: 'local' | 'production'): Record<string, string> {
  const frameAncestors = mode === 'production' ? TEAMS_FRAME_ANCESTORS.join(' ') : "'self'";
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Fluent's components and chart.js set styles from script; no inline <style> is served.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      // Outside Teams the page talks to this server only: the library's origin list stays unfetched.
      `connect-src 'self'${mode === 'production' ? ' https://res.cdn.office.net' : ''}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
