import { readFileSync } from 'node:fs';
import { parse, type AST } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { follows, serverValue, shows } from './shown-value';
import { sourceFiles } from '$lib/source-files.testing';

/**
 * A textarea as the HTML standard defines its value: it follows the default (its child
 * text) until someone types (or a script sets `value`), which sets the dirty flag; a
 * form reset clears the flag and goes back to the default.
 */
class TextArea {
	#default = '';
	#value = '';
	#dirty = false;
	get defaultValue() {
		return this.#default;
	}
	set defaultValue(text: string) {
		this.#default = text;
		if (!this.#dirty) this.#value = text;
	}
	get value() {
		return this.#value;
	}
	set value(text: string) {
		this.#value = text;
		this.#dirty = true;
	}
	reset() {
		this.#dirty = false;
		this.#value = this.#default;
	}
	/** The server's HTML: the field starts with its default. */
	static rendered(text: string) {
		const field = new TextArea();
		field.defaultValue = text;
		return field;
	}
}

type Value = string | null | undefined;
/** The action on a field, as Svelte runs it: once with the value, then update per change. */
function shown(field: TextArea, value: Value) {
	const action = shows(field as unknown as HTMLTextAreaElement, value);
	return (next: Value) => action.update?.(next);
}

describe('shows()', () => {
	it('keeps what was typed before the page came alive', () => {
		const field = TextArea.rendered('Saved text');
		field.value = 'Typed on a slow phone';
		shown(field, 'Saved text');
		expect(field.value).toBe('Typed on a slow phone');
		expect(field.defaultValue).toBe('Saved text');
	});

	it('shows the value in a field nobody touched, and in one made in the browser', () => {
		const rendered = TextArea.rendered('Saved text');
		shown(rendered, 'Saved text');
		expect(rendered.value).toBe('Saved text');
		const made = new TextArea();
		shown(made, 'New');
		expect(made.value).toBe('New');
		const empty = new TextArea();
		shown(empty, null);
		expect(empty.value).toBe('');
	});

	it('a later value shows in an untouched field and after a reset; typed text stays', () => {
		const untouched = TextArea.rendered('First');
		shown(untouched, 'First')('Saved by the server');
		expect(untouched.value).toBe('Saved by the server');
		const typed = TextArea.rendered('First');
		const update = shown(typed, 'First');
		typed.value = 'Typed after';
		update('Moved here from another row');
		expect(typed.value).toBe('Typed after');
		// enhance resets the form after a successful post, then the page's data changes.
		typed.reset();
		update('Saved by the server');
		expect(typed.value).toBe('Saved by the server');
	});

	it('renders the value on the server (these tests run as the server)', () => {
		expect(serverValue('Text')).toBe('Text');
		expect(serverValue(undefined)).toBe('');
	});
});

const NOT_TEXT = new Set(['hidden', 'checkbox', 'radio', 'submit', 'button', 'file', 'range']);

/**
 * Text fields given their value in a way that hydration overwrites, and how: an input
 * with `value=` (it takes `defaultValue=`), a textarea with child text or a `value=`
 * that is not `serverValue(…)` with `use:shows` (see shown-value.ts).
 */
function oneWayTextFields(source: string) {
	const found: { at: number; how: string }[] = [];
	const visit = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(visit);
		const element = node as AST.RegularElement;
		if (element.type === 'RegularElement' && ['input', 'textarea'].includes(element.name)) {
			const attributes = element.attributes.filter(
				(a): a is AST.Attribute => a.type === 'Attribute'
			);
			const named = (name: string) => attributes.find((a) => a.name === name);
			const type = named('type');
			const typeText =
				type && Array.isArray(type.value) && type.value[0]?.type === 'Text'
					? type.value[0].data
					: 'text';
			const bound = element.attributes.some(
				(a) => a.type === 'BindDirective' && a.name === 'value'
			);
			const value = named('value');
			const readonly = named('readonly') !== undefined;
			if (!NOT_TEXT.has(typeText) && !bound && !readonly) {
				const text = value ? source.slice(value.start, value.end) : '';
				if (element.name === 'input') {
					if (value) found.push({ at: element.start, how: text });
				} else if (element.fragment.nodes.length > 0) {
					found.push({ at: element.start, how: 'children' });
				} else if (value) {
					const shows = element.attributes.some(
						(a) => a.type === 'UseDirective' && a.name === 'shows'
					);
					if (!/^value=\{serverValue\(/.test(text) || !shows)
						found.push({ at: element.start, how: text });
				}
			}
		}
		for (const [key, child] of Object.entries(node)) {
			if (key !== 'parent' && key !== 'metadata') visit(child);
		}
	};
	visit(parse(source, { modern: true }).fragment);
	return found;
}

/**
 * Text fields of GET forms (their value is the URL's) given a `defaultValue` without
 * `use:follows`: after a search or a step back they would show words the list is not for.
 */
function unfollowedUrlFields(source: string) {
	const found: number[] = [];
	const visit = (node: unknown, inGet: boolean): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, inGet));
		const element = node as AST.RegularElement;
		let here = inGet;
		if (element.type === 'RegularElement') {
			const attr = (name: string) =>
				element.attributes.find(
					(a): a is AST.Attribute => a.type === 'Attribute' && a.name === name
				);
			const text = (a: AST.Attribute | undefined) =>
				a && Array.isArray(a.value) && a.value[0]?.type === 'Text' ? a.value[0].data : '';
			if (element.name === 'form') here = text(attr('method')).toLowerCase() === 'get';
			if (
				here &&
				element.name === 'input' &&
				!NOT_TEXT.has(text(attr('type'))) &&
				attr('defaultValue') &&
				!element.attributes.some((a) => a.type === 'UseDirective' && a.name === 'follows')
			)
				found.push(element.start);
		}
		for (const [key, child] of Object.entries(node)) {
			if (key !== 'parent' && key !== 'metadata') visit(child, here);
		}
	};
	visit(parse(source, { modern: true }).fragment, false);
	return found;
}

describe('follows()', () => {
	it('keeps what was typed before the page came alive', () => {
		const field = TextArea.rendered('snow');
		field.value = 'snow pl';
		follows(field as unknown as HTMLInputElement, 'snow');
		expect(field.value).toBe('snow pl');
	});

	it('shows a later URL value even over typed words', () => {
		const field = TextArea.rendered('snow');
		const action = follows(field as unknown as HTMLInputElement, 'snow');
		field.value = 'ice';
		action.update?.(null); // back to the list without a search
		expect(field.value).toBe('');
		field.value = 'traffic';
		action.update?.('traffic'); // submitted
		expect(field.value).toBe('traffic');
		field.reset();
		expect(field.value).toBe('traffic');
	});

	it('every GET form’s text field follows its URL value', () => {
		expect(
			unfollowedUrlFields('<form method="get"><input name="q" defaultValue={q} /></form>')
		).toHaveLength(1);
		expect(
			unfollowedUrlFields('<form method="post"><input name="q" defaultValue={q} /></form>')
		).toHaveLength(0);
		const offending = sourceFiles('src', /\.svelte$/).flatMap((file) =>
			unfollowedUrlFields(readFileSync(file, 'utf8')).map((at) => `${file}@${at}`)
		);
		expect(offending).toEqual([]);
	});
});

describe('text fields in every component and page', () => {
	it('keep typed text when the page comes alive: defaultValue, serverValue + use:shows, bind:value', () => {
		const files = sourceFiles('src', /\.svelte$/);
		expect(files.length).toBeGreaterThan(100);
		const offending = files.flatMap((file) =>
			oneWayTextFields(readFileSync(file, 'utf8')).map(({ at, how }) => `${file}@${at}: ${how}`)
		);
		expect(offending).toEqual([]);
	});

	it('finds a one-way value where there is one', () => {
		const found = oneWayTextFields(
			'<input name="a" value={x} /><textarea>{y}</textarea><input type="hidden" value={z} />' +
				'<input bind:value={w} /><input defaultValue={d} />' +
				'<textarea value={serverValue(v)} use:shows={v}></textarea>' +
				'<textarea value={u}></textarea><textarea value={serverValue(t)}></textarea>'
		);
		expect(found.map((f) => f.how)).toEqual([
			'value={x}',
			'children',
			'value={u}',
			'value={serverValue(t)}'
		]);
	});
});
