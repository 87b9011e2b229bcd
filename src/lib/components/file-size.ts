/**
 * A Svelte action for a file input: a chosen file over `maxBytes` makes the input
 * invalid with `message` and stops its form from being sent (also a `novalidate` form,
 * and before `use:enhance` sees the submit), showing the message at the field. Otherwise
 * the server refuses the whole request before reading it (a 413 in words) and what the
 * person typed in the form is lost. Without JavaScript the server's 413 still answers.
 */
export function fileSize(node: HTMLInputElement, options: { maxBytes: number; message: string }) {
	let current = options;
	const tooLarge = () => [...(node.files ?? [])].some((f) => f.size > current.maxBytes);
	const check = () => node.setCustomValidity(tooLarge() ? current.message : '');
	const submit = (event: SubmitEvent) => {
		if (!tooLarge()) return;
		event.preventDefault();
		event.stopImmediatePropagation();
		check();
		node.reportValidity();
		node.focus();
	};
	const form = node.form;
	node.addEventListener('change', check);
	// Capture: runs before the enhance handler on the same form.
	form?.addEventListener('submit', submit, { capture: true });
	return {
		update(next: { maxBytes: number; message: string }) {
			current = next;
			check();
		},
		destroy() {
			node.removeEventListener('change', check);
			form?.removeEventListener('submit', submit, { capture: true });
		}
	};
}

/** A file's size as people read it: "2.4 MB", "120 kB" (at least 1 kB). */
export const formatFileSize = (bytes: number) =>
	bytes >= 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MB`
		: `${Math.max(1, Math.round(bytes / 1024))} kB`;
