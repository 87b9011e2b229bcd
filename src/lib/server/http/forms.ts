import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { translate } from '../i18n';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

// Never sent back to the page: a failed form must not echo a password into the HTML.
const SECRET = new Set(['password', 'token']);

export type Parsed<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/** The text fields of a form post (files left out), or null when the body is not a form. */
export async function readForm(request: Request): Promise<FormValues | null> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return null;
	}
	const raw: FormValues = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	return raw;
}

/** Reads a form post and validates it; errors are message keys by field name. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<Parsed<z.output<S>>> {
	const raw = await readForm(request);
	if (!raw) return { ok: false, values: {}, errors: { form: 'error_form_unreadable' } };
	return validateForm(raw, schema);
}

/** Validates fields already read (`input` when the schema wants more than the text fields). */
export function validateForm<S extends z.ZodType>(
	raw: FormValues,
	schema: S,
	input: Record<string, unknown> = raw
): Parsed<z.output<S>> {
	const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET.has(k)));
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, values, errors };
}

/**
 * Error keys in words, in the reader's language: a page shows form errors as they come.
 * `params` fill the messages' placeholders, such as the minutes to wait.
 */
export const inWords = (errors: FieldErrors, params: Record<string, unknown> = {}): FieldErrors =>
	Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, translate(key, params)]));

/** A 400 (or other) answer that keeps what the person typed and says what is wrong. */
export const invalid = (
	values: FormValues,
	errors: FieldErrors,
	status = 400,
	params: Record<string, unknown> = {}
) => fail(status, { values, errors: inWords(errors, params) });
