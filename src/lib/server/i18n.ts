import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/locale';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * A message by its key, for keys that server code hands on as data: form errors from zod
 * schemas and refusals, publish issues. Pages receive the words, not the keys, so that
 * no page's JavaScript has to carry the messages of every capability; here on the server
 * any message may be looked up. An unknown key (a zod default) shows as itself.
 */
export function translate(
	key: string,
	inputs: Record<string, unknown> = {},
	locale?: Locale
): string {
	const fn = Object.hasOwn(m, key) ? (m[key as keyof typeof m] as MessageFn) : undefined;
	return typeof fn === 'function' ? fn(inputs, locale ? { locale } : undefined) : key;
}
