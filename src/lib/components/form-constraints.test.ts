import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';

// Issue 16 leftovers: a form whose fields carry the browser's own constraints (required,
// pattern, min, max, minlength, step, a typed input such as email or url) shows the
// browser's "Please fill out this field" bubble, in the browser's language and away from
// the field, and posts nothing. The app's convention is `novalidate` on such a form: the
// server refuses the same input with a message at the field (FormErrors, src/lib/server/forms.ts).
// `required` stays on the control, so assistive technology still announces it.

/** A constraint the browser checks on submit, written on a native control. */
const CONSTRAINT =
	/<(?:input|select|textarea)\b[^>]*?(?:[\s{](?:required|pattern|min|max|minlength|step)(?![-\w])|\stype="(?:email|url|number|date|datetime-local|time|month|week|tel)")/;

/** A file's source, its arrow functions' `=>` hidden so a tag's attributes end at its `>`. */
const read = (file: string) => readFileSync(file, 'utf8').replaceAll('=>', '=)');

/** A component tag used in `source`: `<Name` with a capital first letter. */
const componentTags = (source: string) =>
	new Set([...source.matchAll(/<([A-Z]\w*)\b/g)].map(([, name]) => name));

/** The components (by name) whose own markup, or a component they use, has a constraint. */
function constrainedComponents(files: string[]): Set<string> {
	const sources = new Map(files.map((f) => [basename(f, '.svelte'), read(f)]));
	const constrained = new Set<string>();
	for (const [name, source] of sources) {
		// A form of its own is checked on its own; the markup outside forms is what a parent form holds.
		const outside = source.replace(/<form\b[\s\S]*?<\/form>/g, '');
		if (CONSTRAINT.test(outside)) constrained.add(name);
	}
	for (let grew = true; grew;) {
		grew = false;
		for (const [name, source] of sources) {
			if (constrained.has(name)) continue;
			const outside = source.replace(/<form\b[\s\S]*?<\/form>/g, '');
			if ([...componentTags(outside)].some((tag) => constrained.has(tag))) {
				constrained.add(name);
				grew = true;
			}
		}
	}
	return constrained;
}

describe('forms with constrained fields', () => {
	it('are novalidate, so the server’s message at the field is the one shown', () => {
		const files = sourceFiles('src', /\.svelte$/);
		expect(files.length).toBeGreaterThan(100);
		const components = constrainedComponents(files);
		expect(components).toContain('Field');
		expect(components).toContain('EmailField');
		const found: string[] = [];
		let forms = 0;
		for (const file of files) {
			const source = read(file);
			for (const [, attributes, body] of source.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
				// A form that renders a snippet holds whatever its users pass: constrained fields too.
				const constrained =
					CONSTRAINT.test(body) ||
					body.includes('{@render') ||
					[...componentTags(body)].some((tag) => components.has(tag));
				if (!constrained) continue;
				forms++;
				if (!/\bnovalidate\b/.test(attributes)) found.push(`${file}: <form${attributes}>`);
			}
		}
		expect(forms).toBeGreaterThan(20);
		expect(found).toEqual([]);
	});
});
