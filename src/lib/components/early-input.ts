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
 * A <details> opened or closed early (the phone's menu) is put back as the person left it.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type State = { value: string } | { checked: boolean } | { selected: boolean[] };

const early = new Map<Field, State>();
/** Whether each <details> was open before the page came alive (a person may have toggled it). */
const opened = new Map<HTMLDetailsElement, boolean>();
let following: ((event: Event) => void) | null = null;

const isChoice = (f: Field): f is HTMLInputElement =>
	f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio');

/**
 * The field's state when a person has changed it from what the HTML gave it; else null.
 * Compared with the state the HTML alone gives (a select without a `selected` option shows
 * its first; a value the type cannot hold is emptied), never a raw attribute.
 */
function changed(field: Field): State | null {
	if (isChoice(field))
		return field.checked !== field.defaultChecked ? { checked: field.checked } : null;
	if (field instanceof HTMLSelectElement) {
		const options = [...field.options];
		const selected = options.map((o) => o.selected);
		const shown = field.multiple
			? options.map((o) => o.defaultSelected)
			: options.map((_, i) => i === defaultIndex(options));
		return selected.some((s, i) => s !== shown[i]) ? { selected } : null;
	}
	if (field.type === 'file' || field.type === 'hidden') return null;
	return field.value !== htmlValue(field) ? { value: field.value } : null;
}

/** The option a single select shows from its HTML: the last marked selected, else the first enabled. */
function defaultIndex(options: HTMLOptionElement[]): number {
	const marked = options.findLastIndex((o) => o.defaultSelected);
	return marked >= 0 ? marked : options.findIndex((o) => !o.disabled);
}

/** The value a fresh field with the same attributes holds (the browser's sanitising applied). */
function htmlValue(field: HTMLInputElement | HTMLTextAreaElement): string {
	if (field instanceof HTMLTextAreaElement) return field.defaultValue;
	const fresh = document.createElement('input');
	for (const { name, value } of field.attributes) fresh.setAttribute(name, value);
	return fresh.value;
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
 * Notes every form field of `document` whose state differs from its default and whether
 * each <details> is open, and follows input, change and toggle events until
 * restoreEarlyInput. Call once, before hydration (hooks.client.ts `init`). Takes and
 * returns nothing.
 */
export function noteEarlyInput(): void {
	for (const field of document.querySelectorAll('input, textarea, select')) note(field);
	for (const details of document.querySelectorAll('details')) opened.set(details, details.open);
	following = (event) => {
		if (event.target instanceof HTMLDetailsElement) opened.set(event.target, event.target.open);
		else note(event.target);
	};
	for (const type of ['input', 'change', 'toggle'])
		document.addEventListener(type, following, true);
}

/**
 * After hydration: opens or closes each <details> as it was, puts every noted field still
 * on the page back as the person left it and sends the events a person's typing sends
 * (`input` and `change`, bubbling), so the page's handlers and state follow. A radio button is told only when it is the chosen one (its
 * handler means "this one was chosen"). Then stops following. Takes and returns nothing.
 */
export function restoreEarlyInput(): void {
	if (following) {
		for (const type of ['input', 'change', 'toggle'])
			document.removeEventListener(type, following, true);
		following = null;
	}
	// A <details> (a menu, a form folded away) opened or closed by a person stays so; the
	// browser's own toggle event then tells the page (bind:open).
	for (const [details, open] of opened) if (details.isConnected) details.open = open;
	opened.clear();
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
