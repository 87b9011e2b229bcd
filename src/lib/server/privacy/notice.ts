import { config } from '../config';
import { categoriesInUse, type PersonalDataCategory } from '$lib/domain/personal-data';

/*
 * The privacy notice (GDPR Art. 13 and 14, issue 15) is generated from the personal data
 * map's categories: the page lists exactly the categories the database holds, each with its
 * purpose, legal basis and retention time from the messages `privacy_cat_<category>_*`.
 */

/** Default months before retention purges what it purges (issue 15: "default 24"). */
const DEFAULT_MONTHS = 24;

/**
 * The retention times the notice states, in months: `applications` (personal data in
 * applications of teams not selected, after the challenge closes: RETENTION_MONTHS) and
 * `audit` (the audit log: AUDIT_RETENTION_MONTHS). Both default to 24. The retention job
 * adds those variables to config.ts; until then (and whenever unset) the default holds.
 */
export function retentionMonths(): { applications: number; audit: number } {
	const c = config as unknown as Partial<
		Record<'RETENTION_MONTHS' | 'AUDIT_RETENTION_MONTHS', number>
	>;
	return {
		applications: c.RETENTION_MONTHS ?? DEFAULT_MONTHS,
		audit: c.AUDIT_RETENTION_MONTHS ?? DEFAULT_MONTHS
	};
}

/** The controller and data protection officer named in the notice (config.ts PRIVACY_*). */
export function controller() {
	return {
		name: config.PRIVACY_CONTROLLER_NAME,
		address: config.PRIVACY_CONTROLLER_ADDRESS,
		email: config.PRIVACY_CONTROLLER_EMAIL,
		dpo: config.PRIVACY_DPO_EMAIL
	};
}

/** The categories the notice and the summary list: those the map has columns for. */
export function noticeCategories(): PersonalDataCategory[] {
	return categoriesInUse();
}
