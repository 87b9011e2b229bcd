import { fail } from '@sveltejs/kit';
import { parseBasics } from '$lib/domain/challenge-schemas';
import { coverOf, saveBasics, saveCover } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, inWords, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { getStorage, IMAGE_TYPES, MAX_IMAGE_BYTES, type CheckedFile } from '$lib/server/storage';
import { withFileChanges } from '$lib/server/uploads';
import type { Actions } from './$types';

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const raw = (await readForm(request)) ?? {};
		const parsed = parseBasics(raw);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		return saveSection(locals, user, params.id, raw, parsed.reason, (tx, editor) =>
			saveBasics(tx, editor, params.id, parsed.data, parsed.reason)
		);
	},
	cover: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const form = await request.formData().catch(() => null);
		const file = form?.get('cover');
		const reason = String(form?.get('reason') ?? '')
			.trim()
			.slice(0, 2000);
		const values: Record<string, string> = { reason };
		const refuse = (status: number, message: string) =>
			fail(status, { values, errors: inWords({ cover: message }), cover: true });
		let upload: CheckedFile | null = null;
		if (form?.get('remove') !== 'on') {
			if (!(file instanceof File) || file.size === 0) {
				return refuse(400, 'error_upload_empty');
			}
			if (file.size > MAX_IMAGE_BYTES) return refuse(413, 'error_upload_too_large');
			// Judged now, stored only once the change below was allowed.
			const stored = getStorage().check(new Uint8Array(await file.arrayBuffer()), {
				allowed: IMAGE_TYPES,
				maxBytes: MAX_IMAGE_BYTES
			});
			if (!stored.ok) {
				const message =
					stored.reason === 'too_large'
						? 'error_upload_too_large'
						: stored.reason === 'empty'
							? 'error_upload_empty'
							: 'error_upload_type';
				return refuse(400, message);
			}
			upload = stored;
		}
		return withFileChanges(locals.db, 'public', async (files) => {
			const outcome = await saveSection(
				locals,
				user,
				params.id,
				values,
				reason,
				async (tx, editor) => {
					const old = await coverOf(tx, params.id);
					const saved = await saveCover(tx, editor, params.id, upload?.key ?? null, reason);
					// Null: not the caller's challenge; saveCover threw: a reason is missing.
					if (saved) {
						if (upload) await files.write(upload);
						files.drop(old);
					}
					return saved;
				}
			);
			// Refused (a reason asked for): nothing was stored, and the words go to this form.
			if (!('saved' in outcome)) {
				await files.failed();
				return fail(outcome.status, { ...outcome.data, cover: true });
			}
			return outcome;
		});
	}
};
