import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { workEntrySchema } from '$lib/domain/team-schemas';
import { parseEvidenceForm, refuse } from '$lib/server/http/evidence-form';
import { parseForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import {
	addWorkEntry,
	deleteWorkEntry,
	myWorkEntries,
	updateWorkEntry
} from '$lib/server/work-history';
import { withFileChanges } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

const itemSchema = z.object({ id: z.uuid({ error: 'error_form' }) });
const done = (notice: string) => redirect(303, `/account/work-history?notice=${notice}#entries`);

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { entries: await locals.db.as(user, (tx) => myWorkEntries(tx, user.id)) };
};

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseEvidenceForm(request, workEntrySchema());
		if (!parsed.ok) return refuse('add', parsed.values, parsed.errors, parsed.status);
		const { upload } = parsed;
		await withFileChanges(locals.db, 'private', (files) =>
			locals.db.as(user, async (tx) => {
				await addWorkEntry(tx, parsed.data, parsed.evidenceFile);
				// Stored only once the row (RLS: the caller's own) is in.
				if (upload) await files.write(upload);
			})
		);
		done('added');
	},

	update: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseEvidenceForm(request, workEntrySchema());
		if (!parsed.ok) return refuse('update', parsed.values, parsed.errors, parsed.status);
		const id = itemSchema.safeParse(parsed.values);
		// A new file replaces the old one; "remove" without a new file drops it; else it stays.
		const file = parsed.evidenceFile ?? (parsed.removeFile ? null : undefined);
		const { upload } = parsed;
		const saved =
			id.success &&
			(await withFileChanges(locals.db, 'private', (files) =>
				locals.db.as(user, async (tx) => {
					const result = await updateWorkEntry(tx, id.data.id, parsed.data, file);
					if (!result) return false;
					if (upload) await files.write(upload);
					files.drop(result.replaced);
					return true;
				})
			));
		if (!saved) return refuse('update', parsed.values, { form: 'error_item_gone' }, 404);
		done('saved');
	},

	delete: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = await parseForm(request, itemSchema);
		const deleted =
			parsed.ok &&
			(await withFileChanges(locals.db, 'private', (files) =>
				locals.db.as(user, async (tx) => {
					const result = await deleteWorkEntry(tx, parsed.data.id);
					files.drop(result?.file);
					return result !== null;
				})
			));
		if (!deleted) return refuse('entries', {}, { form: 'error_item_gone' }, 404);
		done('deleted');
	}
};
