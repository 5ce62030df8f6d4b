// The return address of the sign-in page (?retour=): a path of this site, or '/'. Parsed with the browser's own URL
// parser, the one location.assign uses, so tabs, newlines and backslashes are read here exactly as they would be
// there ("/\t/evil.example" is "//evil.example", another origin). The server refuses the same addresses.

/** The path to go to after signing in: `value` when it resolves to `origin`, else '/'. */
export function returnPath(value, origin) {
  if (!value || !value.startsWith('/')) return '/';
  let url;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  return url.origin === new URL(origin).origin ? url.pathname + url.search + url.hash : '/';
}
