import { fail } from '@sveltejs/kit';
import { parseBasics } from '$lib/domain/challenge-schemas';
import { saveBasics, saveCover } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, inWords, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import { getStorage, IMAGE_TYPES, MAX_IMAGE_BYTES } from '$lib/server/storage';
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
		let key: string | null = null;
		if (form?.get('remove') !== 'on') {
			if (!(file instanceof File) || file.size === 0) {
				return refuse(400, 'error_upload_empty');
			}
			if (file.size > MAX_IMAGE_BYTES) return refuse(413, 'error_upload_too_large');
			const stored = await getStorage().put(new Uint8Array(await file.arrayBuffer()), {
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
			key = stored.key;
		}
		return saveSection(locals, user, params.id, values, reason, (tx, editor) =>
			saveCover(tx, editor, params.id, key, reason)
		);
	}
};
