import { config, retentionSettings } from '../config';
import { categoriesInUse, type PersonalDataCategory } from '$lib/domain/personal-data';

/*
 * The privacy notice (GDPR Art. 13 and 14, issue 15) is generated from the personal data
 * map's categories: the page lists exactly the categories the database holds, each with its
 * purpose, legal basis and retention time from the messages `privacy_cat_<category>_*`.
 */

/**
 * The retention times the notice states, in months: `applications` (personal data in
 * applications of teams not selected, after the challenge closes: RETENTION_MONTHS) and
 * `audit` (the audit log: AUDIT_RETENTION_MONTHS), as the retention job reads them
 * (config.ts retentionSettings).
 */
export function retentionMonths(): { applications: number; audit: number } {
	const { months, auditMonths } = retentionSettings();
	return { applications: months, audit: auditMonths };
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
