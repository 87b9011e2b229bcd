import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { checkEvidence } from '../evidence';
import type { CheckedFile } from '../storage';
import { inWords, validateForm, type FieldErrors, type FormValues, type Parsed } from './forms';

/** A failed form on a page of several: `action` says which form the errors belong to. */
export const refuse = (action: string, values: FormValues, errors: FieldErrors, status = 400) =>
	fail(status, { action, values, errors: inWords(errors) });

export type EvidenceParsed<T> =
	| (Extract<Parsed<T>, { ok: true }> & {
			/** The key the new file will have, or null when none was chosen. */
			evidenceFile: string | null;
			/** The new file, checked but not stored: `FileChanges.write` it once its row is allowed. */
			upload: CheckedFile | null;
			removeFile: boolean;
	  })
	| { ok: false; status: number; values: FormValues; errors: FieldErrors };

/**
 * Reads a multipart form with an optional evidence file (`evidenceFile`) and validates its
 * text fields; `lists` names fields posted several times (checkboxes), kept as arrays for the
 * schema and comma-joined in the values sent back. The file is judged but not stored: the
 * route stores it (`FileChanges.write`) only after the row that refers to it was allowed,
 * so a refused form never leaves a file behind; a file too large or not a PDF or image
 * (judged by its bytes) is refused with its own message. When the text fields are refused,
 * the chosen file's name comes back as `values.evidenceFileName` (the file itself is not
 * kept), so the form can tell the person to choose it again.
 */
export async function parseEvidenceForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	lists: string[] = []
): Promise<EvidenceParsed<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, status: 400, values: {}, errors: { form: 'error_form_unreadable' } };
	}
	const raw: FormValues = {};
	for (const [key, value] of form)
		if (typeof value === 'string' && !lists.includes(key)) raw[key] = value;
	const input: Record<string, unknown> = { ...raw };
	for (const key of lists) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		input[key] = all;
		raw[key] = all.join(',');
	}
	const parsed = validateForm(raw, schema, input);
	if (!parsed.ok) {
		// The chosen file is not kept (a browser never refills a file input): its name goes
		// back with the other values so the form can say, by name, to choose it again.
		const chosen = form.get('evidenceFile');
		const name = chosen instanceof File && chosen.size > 0 ? chosen.name.slice(0, 200) : '';
		return {
			...parsed,
			status: 400,
			values: name ? { ...parsed.values, evidenceFileName: name } : parsed.values
		};
	}
	const stored = await checkEvidence(form.get('evidenceFile'));
	if (stored && !stored.ok) {
		const [status, message] =
			stored.reason === 'too_large'
				? [413, 'error_upload_too_large_10']
				: stored.reason === 'empty'
					? [400, 'error_upload_empty']
					: [415, 'error_upload_type_evidence'];
		return { ok: false, status, values: parsed.values, errors: { evidenceFile: message } };
	}
	return {
		...parsed,
		evidenceFile: stored?.key ?? null,
		upload: stored?.ok
			? { key: stored.key, mime: stored.mime, size: stored.size, bytes: stored.bytes }
			: null,
		removeFile: raw.removeFile === 'on'
	};
}
