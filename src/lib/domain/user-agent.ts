/**
 * A rough "browser on system" from a User-Agent header, for the sessions page; enough for
 * a person to tell their phone from their laptop, never used for any decision. Null
 * parts when unknown.
 */
export function describeUserAgent(ua: string | null | undefined): {
	browser: string | null;
	system: string | null;
} {
	if (!ua) return { browser: null, system: null };
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /OPR\/|Opera/.test(ua)
			? 'Opera'
			: /Firefox\/|FxiOS/.test(ua)
				? 'Firefox'
				: /Chrome\/|CriOS|Chromium/.test(ua)
					? 'Chrome'
					: /Safari\//.test(ua)
						? 'Safari'
						: null;
	const system = /iPhone|iPad|iPod/.test(ua)
		? 'iOS'
		: /Android/.test(ua)
			? 'Android'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X|Macintosh/.test(ua)
					? 'macOS'
					: /CrOS/.test(ua)
						? 'ChromeOS'
						: /Linux/.test(ua)
							? 'Linux'
							: null;
	return { browser, system };
}
