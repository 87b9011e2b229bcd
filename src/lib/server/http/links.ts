import { config } from '../config';

/**
 * The public origin every absolute URL is built on: `ORIGIN` from the configuration,
 * never the request (a request's Host header is the client's to choose, and a reset
 * link built from it mails a live token to whoever sent it, issue 10 item 1). Until
 * config.ts defaults ORIGIN in development, the fallback is http://localhost:$PORT,
 * here and nowhere else.
 */
export function publicOrigin(cfg: { ORIGIN?: string } = config): string {
	return new URL(cfg.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).origin;
}

/**
 * The absolute URL of a path of this app (`/auth/reset?token=…`) on the public origin.
 * Refuses anything but a site-absolute path ("//host" or "https://…" would leave the
 * origin): it throws, as that is a programming error, not user input.
 */
export function absoluteUrl(path: string, cfg: { ORIGIN?: string } = config): string {
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\'))
		throw new Error(`absoluteUrl takes a path on this site, not ${JSON.stringify(path)}`);
	const origin = publicOrigin(cfg);
	const url = new URL(path, origin);
	if (url.origin !== origin) throw new Error(`absoluteUrl: ${path} leaves the origin`);
	return url.href;
}

/**
 * The `webcal:` address of a calendar feed at `path` (issue 12): a calendar app opening it
 * subscribes and keeps the feed up to date, where the https address downloads it once.
 * Built on the public origin like absoluteUrl; a webcal client fetches it over https
 * (or http for a local origin).
 */
export function webcalUrl(path: string, cfg: { ORIGIN?: string } = config): string {
	return absoluteUrl(path, cfg).replace(/^https?:/, 'webcal:');
}
