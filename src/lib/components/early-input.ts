/*
 * What a person types or chooses before the page comes alive (its scripts still loading on
 * a slow phone, minutes before a deadline) must not be lost, nor go unnoticed by the page.
 * Hydration sets every `checked={…}` again from the server's data (Svelte's set_checked),
 * unchecking the radio button a person just chose; and the page's own handlers
 * (`oninput`, `onchange`: live totals, autosave, a field shown for one choice) never heard
 * of it. So, for the whole app: when the scripts start (hooks.client.ts `init`), note every
 * field whose state is not its default, and follow changes until the page is alive; then
 * (the root layout's onMount, after every component has hydrated) put each field back as
 * the person left it and tell the page with the events typing would have sent.
 * Text fields mostly keep their text by themselves (see shown-value.ts); they are told too.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type State = { value: string } | { checked: boolean } | { selected: boolean[] };

const early = new Map<Field, State>();
let following: ((event: Event) => void) | null = null;

const isChoice = (f: Field): f is HTMLInputElement =>
	f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio');

/** The field's state when it is not its default (what the HTML gave it); else null. */
function changed(field: Field): State | null {
	if (isChoice(field))
		return field.checked !== field.defaultChecked ? { checked: field.checked } : null;
	if (field instanceof HTMLSelectElement) {
		const selected = [...field.options].map((o) => o.selected);
		return [...field.options].some((o, i) => o.defaultSelected !== selected[i])
			? { selected }
			: null;
	}
	if (field.type === 'file' || field.type === 'hidden') return null;
	return field.value !== field.defaultValue ? { value: field.value } : null;
}

function note(field: Element | EventTarget | null) {
	if (
		!(field instanceof HTMLInputElement) &&
		!(field instanceof HTMLTextAreaElement) &&
		!(field instanceof HTMLSelectElement)
	)
		return;
	// A radio button chosen unchooses the others of its group: note the group again.
	const group =
		field instanceof HTMLInputElement && field.type === 'radio' && field.form && field.name
			? field.form.querySelectorAll<HTMLInputElement>(
					`input[type=radio][name="${CSS.escape(field.name)}"]`
				)
			: [field];
	for (const f of group) {
		const state = changed(f);
		if (state) early.set(f, state);
		else early.delete(f);
	}
}

/**
 * Notes every form field of `document` whose state differs from its default, and follows
 * input and change events until restoreEarlyInput. Call once, before hydration
 * (hooks.client.ts `init`). Takes and returns nothing.
 */
export function noteEarlyInput(): void {
	for (const field of document.querySelectorAll('input, textarea, select')) note(field);
	following = (event) => note(event.target);
	document.addEventListener('input', following, true);
	document.addEventListener('change', following, true);
}

/**
 * After hydration: puts every noted field still on the page back as the person left it and
 * sends the events a person's typing sends (`input` and `change`, bubbling), so the page's
 * handlers and state follow. A radio button is told only when it is the chosen one (its
 * handler means "this one was chosen"). Then stops following. Takes and returns nothing.
 */
export function restoreEarlyInput(): void {
	if (following) {
		document.removeEventListener('input', following, true);
		document.removeEventListener('change', following, true);
		following = null;
	}
	for (const [field, state] of early) {
		if (!field.isConnected) continue;
		if ('checked' in state) {
			if (field instanceof HTMLInputElement) field.checked = state.checked;
			if (field instanceof HTMLInputElement && field.type === 'radio' && !state.checked) continue;
		} else if ('selected' in state && field instanceof HTMLSelectElement) {
			state.selected.forEach((s, i) => field.options[i] && (field.options[i].selected = s));
		} else if ('value' in state) {
			field.value = state.value;
		}
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	}
	early.clear();
}
