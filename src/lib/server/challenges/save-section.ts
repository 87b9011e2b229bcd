import { error } from '@sveltejs/kit';
import type { Queryable } from '../db';
import type { SessionUser } from '../auth/sessions';
import { invalid, type FormValues } from '../forms';
import { ReasonRequired, type Editor } from './editor';
import { notifyFollowers } from './notify';
import { forgetVisitorViews } from './visitor-cache';

type Save = (tx: Queryable, editor: Editor) => Promise<{ amended: boolean } | null>;

/**
 * Runs one section's save as the user. A published challenge's change without a reason
 * saves nothing and asks for one; a recorded amendment is mailed to followers.
 */
export async function saveSection(
	locals: App.Locals,
	user: SessionUser,
	challengeId: string,
	values: FormValues,
	reason: string,
	save: Save
) {
	const editor = { id: user.id, name: user.displayName || user.email };
	try {
		const result = await locals.db.as(user, async (tx) => {
			const saved = await save(tx, editor);
			// The followers' mail is enqueued with the amendment, in its transaction.
			if (saved?.amended) await notifyFollowers(tx, challengeId, { kind: 'amendment', reason });
			return saved;
		});
		if (!result) error(404, 'Not found');
		forgetVisitorViews();
		return { saved: true as const, amended: result.amended };
	} catch (e) {
		if (e instanceof ReasonRequired) {
			return invalid(values, { reason: 'error_reason_required' });
		}
		throw e;
	}
}
