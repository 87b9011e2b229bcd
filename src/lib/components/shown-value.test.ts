import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type AST } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { serverValue, shows } from './shown-value';

/**
 * A text field as the HTML standard defines its value: `value` follows `defaultValue`
 * until someone types (or a script sets `value`), which sets the field's dirty flag.
 */
class TextField {
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
	/** The server's HTML: the field starts with its default. */
	static rendered(text: string) {
		const field = new TextField();
		field.defaultValue = text;
		return field;
	}
}
const attach = (field: TextField, value: string | number | null | undefined) =>
	shows(value)(field as unknown as HTMLTextAreaElement);

describe('shows()', () => {
	it('keeps what was typed before the page came alive', () => {
		const field = TextField.rendered('Saved text');
		field.value = 'Typed on a slow phone';
		attach(field, 'Saved text');
		expect(field.value).toBe('Typed on a slow phone');
		expect(field.defaultValue).toBe('Saved text');
	});

	it('shows the value in a field nobody touched, and in one made in the browser', () => {
		const rendered = TextField.rendered('Saved text');
		attach(rendered, 'Saved text');
		expect(rendered.value).toBe('Saved text');
		const made = new TextField();
		attach(made, 42);
		expect(made.value).toBe('42');
		const empty = new TextField();
		attach(empty, null);
		expect(empty.value).toBe('');
	});

	it('replaces the text when the value changes later, and leaves it for the same value', () => {
		const field = TextField.rendered('First');
		attach(field, 'First');
		field.value = 'Typed after';
		attach(field, 'First');
		expect(field.value).toBe('Typed after');
		attach(field, 'Saved by the server');
		expect(field.value).toBe('Saved by the server');
		// A form reset goes back to the newest value.
		expect(field.defaultValue).toBe('Saved by the server');
	});

	it('renders the value on the server (these tests run as the server)', () => {
		expect(serverValue('Text')).toBe('Text');
		expect(serverValue(undefined)).toBe('');
		expect(serverValue(3)).toBe(3);
	});
});

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

const NOT_TEXT = new Set(['hidden', 'checkbox', 'radio', 'submit', 'button', 'file', 'range']);

/** Text fields (inputs people type in, textareas) given a value one way, and how. */
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
			const readonly = named('readonly') !== undefined;
			if (!NOT_TEXT.has(typeText) && !bound && !readonly) {
				const value = named('value') ?? named('defaultValue');
				if (element.fragment.nodes.length > 0) found.push({ at: element.start, how: 'children' });
				else if (value) {
					const text = source.slice(value.start, value.end);
					const attached = element.attributes.some(
						(a) => a.type === 'AttachTag' && /\bshows\(/.test(source.slice(a.start, a.end))
					);
					if (!/^value=\{serverValue\(/.test(text) || !attached)
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

describe('text fields in every component and page', () => {
	it('keep typed text when the page comes alive: serverValue + shows, or bind:value', () => {
		const files = svelteFiles('src');
		expect(files.length).toBeGreaterThan(100);
		const offending = files.flatMap((file) =>
			oneWayTextFields(readFileSync(file, 'utf8')).map(({ at, how }) => `${file}@${at}: ${how}`)
		);
		expect(offending).toEqual([]);
	});

	it('finds a one-way value where there is one', () => {
		const found = oneWayTextFields(
			'<input name="a" value={x} /><textarea>{y}</textarea><input type="hidden" value={z} />' +
				'<input bind:value={w} /><input value={serverValue(v)} {@attach shows(v)} />'
		);
		expect(found.map((f) => f.how)).toEqual(['value={x}', 'children']);
	});
});
