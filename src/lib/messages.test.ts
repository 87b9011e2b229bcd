import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Messages are split by capability: every pattern the inlang project lists, per locale.
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

// A message with variants (plural forms) is compared as its JSON: its placeholders
// are those of every variant.
const loadFile = (path: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(path, 'utf8')) as Record<
		string,
		unknown
	>;
	return Object.fromEntries(
		Object.entries(messages).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
	);
};
const load = (locale: string): Record<string, string> =>
	Object.assign({}, ...patterns.map((p) => loadFile(p.replace('{locale}', locale))));
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
		for (const pattern of patterns) {
			for (const key of Object.keys(loadFile(pattern.replace('{locale}', 'en')))) {
				expect(seen.get(key), `${key} in ${pattern}`).toBeUndefined();
				seen.set(key, pattern);
			}
		}
	});
});
