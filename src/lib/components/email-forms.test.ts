import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

// Issue 16, item 1: the browser's own check of an email field refuses addresses the server
// decides about (it blocked "jürgen@example.fi" in its own words and language, and sent
// nothing). Every form with an email field leaves the check to the server
// (emailField, src/lib/domain/account-schemas.ts), whose message is in the page's language.
describe('forms with an email field', () => {
	it('are novalidate, so the server’s message is the one shown', () => {
		const files = sourceFiles('src', /\.svelte$/);
		expect(files.length).toBeGreaterThan(100);
		const found: string[] = [];
		let forms = 0;
		for (const file of files) {
			const source = readFileSync(file, 'utf8');
			for (const [, attributes, body] of source.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
				if (!/type="email"|<EmailField\b/.test(body)) continue;
				forms++;
				if (!/\bnovalidate\b/.test(attributes)) found.push(`${file}: <form${attributes}>`);
			}
		}
		expect(forms).toBeGreaterThan(5);
		expect(found).toEqual([]);
	});
});
