import type { Queryable } from '../db';
import type { Locale } from '$lib/domain/locale';

/** A screening decision with its marks; `lang` is the language its reasons are written in. */
export interface ScreeningResult {
	eligible: boolean;
	justification: string;
	lang: Locale;
	decidedAt: Date;
	decidedByName: string;
	marks: { requirementId: string; met: boolean; reason: string; lang: Locale }[];
}

/** An application's screening marks so far, and the decision with them once one is made. */
export async function readScreening(
	tx: Queryable,
	applicationId: string
): Promise<{ marks: ScreeningResult['marks']; screening: ScreeningResult | null }> {
	const [decision, marks] = await Promise.all([
		tx.query<Omit<ScreeningResult, 'marks'>>(
			`select eligible, justification, lang, decided_at as "decidedAt", decided_by_name as "decidedByName"
			 from public.screening_decisions where application_id = $1`,
			[applicationId]
		),
		tx.query<ScreeningResult['marks'][number]>(
			`select requirement_id as "requirementId", met, reason, lang
			 from public.screening_marks where application_id = $1`,
			[applicationId]
		)
	]);
	return { marks, screening: decision[0] ? { ...decision[0], marks } : null };
}
