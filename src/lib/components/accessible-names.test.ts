import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

// "Remove<span class="visually-hidden">: file.pdf</span>": the hidden span is a box of its
// own (position: absolute), so Chromium computes the name "Remove : file.pdf". Such a
// name is given whole, as aria-label="{label}: {item}" (the visible label starts it).
describe('accessible names of actions on one item', () => {
	it('are never a visible label followed by a hidden ": item"', () => {
		const files = sourceFiles('src', /\.svelte$/);
		expect(files.length).toBeGreaterThan(100);
		const found = files.filter((file) =>
			/<span class="visually-hidden">\s*:/.test(readFileSync(file, 'utf8'))
		);
		expect(found).toEqual([]);
	});
});
