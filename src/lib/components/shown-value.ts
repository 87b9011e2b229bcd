import { browser } from '$app/environment';
import type { Attachment } from 'svelte/attachments';

type Shown = string | number | null | undefined;

/**
 * The text a text field (`<input>`, `<textarea>`) starts with, for the server's HTML only:
 * the value itself on the server, `undefined` in the browser. Used as `value={serverValue(v)}`
 * together with `{@attach shows(v)}`, which takes over in the browser.
 *
 * Why: Svelte's `value={v}` sets the field's text again when the page comes alive
 * (hydration), wiping what a person typed before the scripts arrived (a slow phone, a
 * deadline). `defaultValue` alone does not work for a textarea (the server drops it, so
 * the field would come up empty without JavaScript).
 */
export function serverValue(value: Shown): string | number | undefined {
	return browser ? undefined : (value ?? '');
}

/** The text each field was last told to show (as Svelte keeps for `value`). */
const shown = new WeakMap<Element, string>();

/**
 * Attachment for a text field that shows `value` (a string or number; null and undefined
 * show as empty), in place of Svelte's one-way `value={v}`:
 * - when the page comes alive, text typed into the field before then is kept (the field's
 *   default becomes `value`; a field nobody touched shows it);
 * - later, a changed `value` (after a post, from fresh page data) replaces a textarea's
 *   text, while an input keeps what it holds (as before: `value` for textareas,
 *   `defaultValue` for inputs); either way it is what the form's reset goes back to
 *   (SvelteKit's `enhance` resets after success); the same value again changes nothing.
 * Pair it with `value={serverValue(v)}` for the server's HTML.
 */
export function shows(value: Shown): Attachment<HTMLInputElement | HTMLTextAreaElement> {
	const text = value == null ? '' : String(value);
	return (field) => {
		const before = shown.get(field);
		if (before === text) return;
		shown.set(field, text);
		// A field nobody typed in follows its default; one typed in keeps its text.
		if (before !== undefined && field.tagName === 'INPUT') {
			// An input keeps what it holds, as Svelte's defaultValue does (a moved row of the
			// criteria editor keeps its typed points); its reset goes to the new value.
			const held = field.value;
			field.defaultValue = text;
			field.value = held;
			return;
		}
		field.defaultValue = text;
		if (before !== undefined) field.value = text;
	};
}
