import { m } from '$lib/paraglide/messages';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/**
 * A message by its key, for keys that travel as data (form errors from zod schemas).
 * An unknown key shows as itself, which the completeness test would have caught.
 */
export function t(key: string, inputs: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof fn === 'function' ? fn(inputs) : key;
}
