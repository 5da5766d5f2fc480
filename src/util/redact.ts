// Addresses as they may be printed. REDIS_URL carries Redis's password in the
// URL (redis://:secret@host:6379, redis://user:secret@host), and a NEO4J_URI
// may too (the driver ignores it): messages, summaries and --json go to logs,
// so the password in an address is shown as ***.

/** The URL with the password of its user part, if any, replaced by ***. */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!m) return url;
  const [, scheme, authority, rest] = m;
  // The user part ends at the authority's last '@' (a password may hold an unencoded '@').
  const at = authority.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0 || colon === userinfo.length - 1) return url;
  return `${scheme}${userinfo.slice(0, colon)}:***${authority.slice(at)}${rest}`;
}
