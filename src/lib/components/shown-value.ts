import { browser } from '$app/environment';
import type { ActionReturn } from 'svelte/action';

type Shown = string | null | undefined;

/*
 * A text field given a value one way must not lose what a person typed before the page
 * came alive (hydration: a slow phone, a deadline). An <input> takes `defaultValue={v}`:
 * Svelte renders it as the value on the server and, in the browser, sets only the field's
 * default, as the HTML standard means it (an untouched field shows it, a typed one keeps
 * its text, a form reset goes back to it). A <textarea> cannot: Svelte's server rendering
 * drops a textarea's defaultValue (it would come up empty without JavaScript), and its
 * `value={v}` sets the text again at hydration. A textarea therefore takes
 * `value={serverValue(v)} use:shows={v}`, which together behave as `defaultValue` does.
 * (src/lib/components/shown-value.test.ts holds every component and page to this.)
 */

/**
 * A textarea's text for the server's HTML only: `value` on the server (null and undefined
 * as empty), `undefined` in the browser, where `use:shows` takes over.
 */
export function serverValue(value: Shown): string | undefined {
	return browser ? undefined : (value ?? '');
}

/**
 * Action `use:shows={v}` on a textarea: makes `v` (null and undefined: empty) the field's
 * default, now and whenever `v` changes. As for an input's default (HTML standard, the
 * dirty value flag): a field nobody typed in shows it, text typed in the field stays
 * (also text typed before the page came alive), and a form reset (SvelteKit's `enhance`
 * resets after success) goes back to it. An action, not an attachment: an attachment
 * makes Svelte set all of an element's attributes together.
 */
export function shows(field: HTMLTextAreaElement, value: Shown): ActionReturn<Shown> {
	field.defaultValue = value ?? '';
	return { update: (next) => void (field.defaultValue = next ?? '') };
}

/**
 * Action `use:follows={v}` on a text field of a GET form whose value is in the page's URL
 * (the search words `?q=`, an audit filter): with `defaultValue={v}` beside it. As
 * `defaultValue` alone, text typed before the page came alive stays. Unlike it, when `v`
 * changes later — the person searched, went back or forward, or followed a link that
 * clears the filter — the field shows the URL's value even where typed in: the field and
 * the list it filters never disagree (an outside tester saw old words over a new list).
 */
export function follows(field: HTMLInputElement, value: Shown): ActionReturn<Shown> {
	field.defaultValue = value ?? '';
	return {
		update: (next) => {
			field.defaultValue = next ?? '';
			field.value = next ?? '';
		}
	};
}
