/** Only a path on this site, so a `redirectTo` field can never send someone elsewhere. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	// "//host" and "/\host" are read by browsers as another origin.
	if (value.startsWith('//') || value.includes('\\')) return fallback;
	// Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
	if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
	return value;
}

/** A path with `?redirectTo=` added when there is a safe place to come back to. */
export function withRedirect(path: string, redirectTo: string | null | undefined): string {
	const back = safeRedirectPath(redirectTo, '');
	return back
		? `${path}${path.includes('?') ? '&' : '?'}redirectTo=${encodeURIComponent(back)}`
		: path;
}
