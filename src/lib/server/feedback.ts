import type { Queryable } from './db';
import type { Locale } from '$lib/domain/locale';

export interface Feedback {
	message: string;
	page: string;
	contactEmail: string;
}

/** Stores accessibility feedback from anyone (RLS lets anon and users insert, admins read). */
export async function submitAccessibilityFeedback(
	tx: Queryable,
	feedback: Feedback,
	locale: Locale
) {
	await tx.query(
		`insert into public.accessibility_feedback (message, page, contact_email, locale)
		 values ($1, $2, $3, $4)`,
		[feedback.message, feedback.page, feedback.contactEmail || null, locale]
	);
}

export function listAccessibilityFeedback(tx: Queryable) {
	return tx.query<Feedback & { id: string; createdAt: Date; locale: Locale }>(
		`select id, created_at as "createdAt", message, page, coalesce(contact_email, '') as "contactEmail", locale
		 from public.accessibility_feedback order by created_at desc limit 100`
	);
}
