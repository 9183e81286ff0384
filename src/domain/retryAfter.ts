/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Milliseconds from `now`,
 * or undefined when absent or unreadable. Both the Bot Connector and Microsoft Graph send it.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
