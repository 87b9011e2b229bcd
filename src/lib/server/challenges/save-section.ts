import type { Queryable } from '../db';
import type { SessionUser } from '../auth/sessions';
import { refusalCode } from '../db/errors';
import { invalid, type FormValues } from '../http/forms';
import { DeadlineRefused, ReasonRequired, type Editor } from './editor';
import { forgetVisitorViews } from './visitor-cache';

type Save = (tx: Queryable, editor: Editor) => Promise<{ amended: boolean } | null>;

/**
 * Runs one section's save as the user. A published challenge's change without a reason
 * saves nothing and asks for one; a submission deadline moved against the rule saves
 * nothing and says which and why; criteria the jury's score step does not fit save nothing
 * and say so; a recorded amendment is mailed to followers and to the
 * applicant teams (by the database, see 20261201000110_mail_from_the_record.sql).
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
		// A recorded amendment enqueues its mail in the database, in the same transaction
		// (private.mail_amendment).
		const result = await locals.db.as(user, (tx) => save(tx, editor));
		// Organisation members who are not on the challenge's team see the forms, not save them.
		if (!result) return invalid(values, { form: 'procurement_error_not_on_team' }, 403);
		forgetVisitorViews();
		return { saved: true as const, amended: result.amended };
	} catch (e) {
		if (e instanceof ReasonRequired) {
			return invalid(values, { reason: 'error_reason_required' });
		}
		if (e instanceof DeadlineRefused) {
			// Which submission deadline, and why: too soon, removed or already passed.
			return invalid(values, { form: e.messageKey });
		}
		// A criterion's maximum that the stage's score step (set on the jury page) does not
		// divide (20261215000400_scoring_input.sql): nothing saved, the reason in words.
		if (refusalCode(e, 'jury_step_not_divisor')) {
			return invalid(values, { form: 'jury_refusal_criterion_off_step' });
		}
		throw e;
	}
}
