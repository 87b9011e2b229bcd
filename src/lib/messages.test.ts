import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(`messages/${locale}.json`, 'utf8')
	) as Record<string, string>;
	return messages;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
	const en = load('en');

	it.each(['fi', 'sv'])(
		'exist in %s for every English key, with the same placeholders',
		(locale) => {
			const other = load(locale);
			expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
			for (const [key, text] of Object.entries(en)) {
				expect(other[key].trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(other[key]), `${locale}.${key}`).toEqual(placeholders(text));
			}
		}
	);

	it('every error key the schemas use has a message', () => {
		const sources = ['account-schemas', 'organisation-schemas'].map((f) =>
			readFileSync(`src/lib/domain/${f}.ts`, 'utf8')
		);
		const keys = new Set(
			sources.flatMap((s) => [...s.matchAll(/'(error_\w+)'/g)].map((m) => m[1]))
		);
		expect(keys.size).toBeGreaterThan(5);
		for (const key of keys) expect(en, key).toHaveProperty(key);
	});
});
