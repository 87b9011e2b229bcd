import type { Procedure } from './challenge';
import type { Criterion } from './criteria';
import { validateCriteria } from './criteria';
import type { Locale, LocalizedText } from './locale';
import { validateTimetable, type StageWindow } from './timetable';

export interface PublishCandidate {
	procedure: Procedure;
	primaryLocale: Locale;
	title: LocalizedText;
	summary: LocalizedText;
	contactEmail: string;
	stages: StageWindow[];
	criteria: Criterion[];
	priceShare: number | null;
}

/** What still keeps a draft from being published, as message keys; empty when ready. */
export function publishIssues(c: PublishCandidate): string[] {
	const issues: string[] = [];
	if (!c.title[c.primaryLocale]?.trim()) issues.push('publish_missing_title');
	if (!c.summary[c.primaryLocale]?.trim()) issues.push('publish_missing_summary');
	if (!c.contactEmail.trim()) issues.push('publish_missing_contact');
	if (!c.stages.some((s) => s.stage === 'applications'))
		issues.push('publish_missing_applications');
	else if (validateTimetable(c.procedure, c.stages).length)
		issues.push('publish_timetable_invalid');
	const inUse = c.stages.map((s) => s.stage);
	if (validateCriteria(c.criteria, inUse, c.priceShare).length)
		issues.push('publish_criteria_invalid');
	return issues;
}
