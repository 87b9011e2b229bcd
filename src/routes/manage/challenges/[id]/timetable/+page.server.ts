import { error } from '@sveltejs/kit';
import { parseTimetable } from '$lib/domain/challenge-schemas';
import { classifyDeadlineChange, deadlineChangeAllowed } from '$lib/domain/deadline-change';
import { formatDateTime } from '$lib/format';
import { saveTimetable } from '$lib/server/challenges/editor';
import { saveSection } from '$lib/server/challenges/save-section';
import { invalid, readForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/guards';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url);
		const [challenge] = await locals.db.as(user, (tx) =>
			tx.query<{
				procedure: 'open_challenge' | 'innovation_partnership';
				status: string;
				deadline: Date | null;
				noticeDays: number;
			}>(
				`select c.procedure, c.status, s.ends_at as deadline, c.deadline_notice_days as "noticeDays"
				 from public.challenges c
				 left join public.challenge_stages s on s.challenge_id = c.id and s.stage = 'applications'
				 where c.id = $1`,
				[params.id]
			)
		);
		if (!challenge) error(404, 'Not found');
		const raw = (await readForm(request)) ?? {};
		const parsed = parseTimetable(raw, challenge.procedure);
		if (!parsed.ok) return invalid(raw, parsed.errors);
		if (challenge.status === 'published') {
			// The rule of src/lib/domain/deadline-change.ts, in words before the database
			// refuses it (public.amend_challenge holds the same rule).
			const next = parsed.data.find((w) => w.stage === 'applications')?.endsAt ?? null;
			const change = classifyDeadlineChange(
				challenge.deadline,
				next,
				new Date(),
				challenge.noticeDays
			);
			if (!deadlineChangeAllowed(change)) {
				return invalid(raw, {
					applications_end:
						change === 'removed'
							? 'procurement_error_deadline_removed'
							: 'procurement_error_deadline_too_soon'
				});
			}
			// Shortening asks first: the page shows the warning and a confirmation box.
			if (change === 'shortened' && raw.confirm_shorten !== 'yes') {
				const locale = locals.locale ?? 'fi';
				return invalid(raw, { confirm_shorten: 'procurement_deadline_warning' }, 400, {
					before: formatDateTime(challenge.deadline!, locale),
					after: formatDateTime(next!, locale)
				});
			}
		}
		return saveSection(locals, user, params.id, raw, parsed.reason, (tx, editor) =>
			saveTimetable(tx, editor, params.id, parsed.data, parsed.reason)
		);
	}
};
