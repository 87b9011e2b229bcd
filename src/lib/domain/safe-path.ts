/** Only a path on this site, so a `redirectTo` field can never send someone elsewhere. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	// "//host" and "/\host" are read by browsers as another origin.
	if (value.startsWith('//') || value.includes('\\')) return fallback;
	if (/[\u0000-\u001f]/.test(value)) return fallback;
	return value;
}
