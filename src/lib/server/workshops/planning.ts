import type { Queryable } from '../db';
import type { LocalizedText, Locale } from '$lib/domain/locale';
import type { ScheduleForm } from '$lib/domain/workshop-schemas';
import { scheduleWorkshop } from './schedule';
import { holdsWords, readChoice, type Choice } from '../list-sql';

/** Whether the caller is a platform facilitator (who may schedule workshops). */
export async function isFacilitator(tx: Queryable): Promise<boolean> {
	const [row] = await tx.query<{ yes: boolean }>('select private.is_facilitator() as yes');
	return row.yes;
}

/** A published challenge as the workshop's challenge choice offers it. */
export interface ChallengeOption {
	id: string;
	title: LocalizedText;
	primaryLocale: Locale;
}

/**
 * The published challenges a workshop can be scheduled for whose title holds every one of
 * `words` (folded, list-filter.ts; none: all), by title as the reader sees it (`locale`):
 * the first CHOICE_MAX and how many there are (readChoice), and the `chosen` one (an id
 * from the address) when it is published, found by the words or not (then first among
 * the options, so the choice still shows it); null otherwise.
 */
export async function challengeChoice(
	tx: Queryable,
	locale: Locale,
	words: string[],
	chosen: string | null
): Promise<Choice<ChallengeOption> & { chosen: ChallengeOption | null }> {
	const published = `select id, title, primary_locale as "primaryLocale", slug
		from public.challenges where status = 'published'`;
	const [choice, picked] = await Promise.all([
		readChoice<ChallengeOption>(
			tx,
			`${published} and ${holdsWords('search_folded', '$2', words)}`,
			`public.sort_key(coalesce(nullif(btrim(title ->> $1), ''), title ->> "primaryLocale"), $1), slug`,
			[locale, words]
		),
		chosen
			? tx.query<ChallengeOption>(
					`select id, title, "primaryLocale" from (${published}) c where id = $1`,
					[chosen]
				)
			: []
	]);
	const chosenOne = picked[0] ?? null;
	const options =
		chosenOne && !choice.options.some((c) => c.id === chosenOne.id)
			? [chosenOne, ...choice.options]
			: choice.options;
	return { ...choice, options, chosen: chosenOne };
}

/** Teams found eligible for the challenge and the owner organisation's staff, each by name. */
export async function candidates(tx: Queryable, challengeId: string, locale: Locale) {
	const [teams, staff] = await Promise.all([
		tx.query<{ id: string; name: string; members: number }>(
			`select team_id as id, name, members from public.workshop_candidate_teams($1)
			 order by public.sort_key(name, $2), team_id`,
			[challengeId, locale]
		),
		tx.query<{ id: string; name: string; email: string }>(
			`select user_id as id, display_name as name, email from public.workshop_owner_staff($1)
			 order by public.sort_key(coalesce(nullif(display_name, ''), email, ''), $2), email`,
			[challengeId, locale]
		)
	]);
	return { teams, staff };
}

/** Invited experts' addresses that have no account yet. */
export class UnknownExperts extends Error {
	constructor(readonly emails: string[]) {
		super(`no account for ${emails.join(', ')}`);
	}
}

/**
 * Schedules the workshop as planned in the form: experts must already have an account,
 * staff must belong to the challenge's organisation (anyone else in the form is ignored).
 * A guest who is the facilitator or in a team taking part is refused by the database
 * (WorkshopGuestRefused, naming their address).
 */
export async function scheduleFromForm(tx: Queryable, form: ScheduleForm): Promise<string> {
	const experts = form.expertEmails.length
		? await tx.query<{ user_id: string; email: string }>(
				'select user_id, email from public.workshop_expert_accounts($1)',
				[form.expertEmails]
			)
		: [];
	const missing = form.expertEmails.filter((e) => !experts.some((x) => x.email === e));
	if (missing.length) throw new UnknownExperts(missing);
	const { staff } = await candidates(tx, form.challengeId, 'en'); // the order is not used here
	const staffIds = form.staffIds.filter((id) => staff.some((s) => s.id === id));
	return scheduleWorkshop(tx, {
		challengeId: form.challengeId,
		title: form.title,
		startsAt: form.startsAt,
		mode: form.mode,
		agenda: form.agenda,
		teamIds: form.teamIds,
		guests: [
			...staffIds.map((userId) => ({
				userId,
				kind: 'owner' as const,
				label: staff.find((s) => s.id === userId)?.email
			})),
			...experts.map((x) => ({ userId: x.user_id, kind: 'expert' as const, label: x.email }))
		]
	});
}
