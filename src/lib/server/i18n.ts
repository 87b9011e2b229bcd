import { m } from '$lib/paraglide/messages';
import { LIMIT_INPUTS } from '$lib/domain/limit-inputs';
import type { Locale } from '$lib/domain/locale';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/**
 * A message by its key, for keys that server code hands on as data: form errors from zod
 * schemas and refusals, publish issues. Pages receive the words, not the keys, so that
 * no page's JavaScript has to carry the messages of every capability; here on the server
 * any message may be looked up. An unknown key (a zod default) shows as itself; a limit's
 * key gets the limit's number (LIMIT_INPUTS) unless `inputs` give it.
 */
export function translate(
	key: string,
	inputs: Record<string, unknown> = {},
	locale?: Locale
): string {
	const fn = Object.hasOwn(m, key) ? (m[key as keyof typeof m] as MessageFn) : undefined;
	const limit = Object.hasOwn(LIMIT_INPUTS, key) ? LIMIT_INPUTS[key] : {};
	return typeof fn === 'function'
		? fn({ ...limit, ...inputs }, locale ? { locale } : undefined)
		: key;
}
