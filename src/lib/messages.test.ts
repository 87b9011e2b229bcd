import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMessages, messageFiles } from '$lib/messages.testing';

// Messages are split by capability: every file the inlang project lists, per locale.
const load = (locale: string) => loadMessages(locale);
// A message with plural forms is an array of variants: its words are all of them.
const words = (message: unknown) =>
	typeof message === 'string' ? message : JSON.stringify(message);
const placeholders = (message: unknown) =>
	[...new Set([...words(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('UI strings', () => {
	const en = load('en');

	it.each(['fi', 'sv'])(
		'exist in %s for every English key, with the same placeholders',
		(locale) => {
			const other = load(locale);
			expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
			for (const [key, text] of Object.entries(en)) {
				expect(words(other[key]).trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(other[key]), `${locale}.${key}`).toEqual(placeholders(text));
			}
		}
	);

	it('no key is defined in two files', () => {
		const seen = new Map<string, string>();
		for (const file of messageFiles('en')) {
			const { $schema: _schema, ...messages } = JSON.parse(readFileSync(file, 'utf8'));
			for (const key of Object.keys(messages)) {
				expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
				seen.set(key, file);
			}
		}
	});
});
