import type { Procedure } from './challenge';
import type { Criterion } from './criteria';
import { uncoveredStages, validateCriteria } from './criteria';
import {
	conceptsDeadlineWords,
	deadlineChangeAllowed,
	judgeSubmissionDeadlines
} from './deadline-change';
import type { Locale, LocalizedText } from './locale';
import { validateTimetable, type StageWindow } from './timetable';
import { isBlank } from './text';
import type { EvaluatedStage } from './stages';

export interface PublishCandidate {
	procedure: Procedure;
	primaryLocale: Locale;
	title: LocalizedText;
	summary: LocalizedText;
	contactEmail: string;
	stages: StageWindow[];
	criteria: Criterion[];
	priceShare: number | null;
	/** public.challenges.deadline_notice_days: how many days (× 24 h) a deadline needs ahead. */
	deadlineNoticeDays: number;
}

/**
 * What still keeps a draft from being published at `now`, as message keys in this order;
 * empty when ready. Refuses a blank title or summary in the primary language, a blank
 * contact address, a timetable without an applications stage or one validateTimetable
 * refuses, criteria validateCriteria refuses, and a submission deadline
 * (SUBMISSION_DEADLINE_STAGES, in that order: the applications deadline, the final tenders
 * deadline) less than `deadlineNoticeDays` × 24 h after `now` (`publish_deadline_<stage>_soon`,
 * worded with that number of days as `count`).
 *
 * The deadline rule is the one for a deadline set after publishing (classifyDeadlineChange,
 * 'set'): teams get at least the notice a shortened deadline gives them (Act on Public
 * Procurement 1397/2016 §55 ff.: reasonable time to tender, the same for all), so a call is
 * never published with its deadline tomorrow, or already passed.
 *
 * The database refuses the same (private.publish_problems and
 * private.publish_deadline_problems, supabase/migrations/20261215000100_publish_deadline_notice.sql;
 * tests/integration/rule-parity-publish.test.ts holds the two to the same answers).
 */
export function publishIssues(c: PublishCandidate, now: Date): string[] {
	const issues: string[] = [];
	if (isBlank(c.title[c.primaryLocale])) issues.push('publish_missing_title');
	if (isBlank(c.summary[c.primaryLocale])) issues.push('publish_missing_summary');
	if (isBlank(c.contactEmail)) issues.push('publish_missing_contact');
	if (!c.stages.some((s) => s.stage === 'applications'))
		issues.push('publish_missing_applications');
	else if (validateTimetable(c.procedure, c.stages).length)
		issues.push('publish_timetable_invalid');
	if (validateCriteria(c.criteria, c.priceShare).length) issues.push('publish_criteria_invalid');
	for (const verdict of judgeSubmissionDeadlines([], c.stages, now, c.deadlineNoticeDays))
		if (!deadlineChangeAllowed(verdict.change))
			issues.push(`publish_deadline_${verdict.stage}_soon`);
	return issues;
}

/**
 * The message key that words a publishIssues `issue` in a challenge of `procedure`: the
 * issue as it is, but for the concepts deadline's, which names the final tenders deadline
 * in an innovation partnership and the concepts deadline in an open challenge
 * (conceptsDeadlineWords). The issue itself stays the database's code.
 */
export const publishIssueKey = (issue: string, procedure: Procedure): string =>
	issue === 'publish_deadline_concepts_soon' ? conceptsDeadlineWords(procedure).publishSoon : issue;

/** What publishWarnings reads besides the publish candidate: the team requirements. */
export interface WarningCandidate extends PublishCandidate {
	minTeamSize: number;
	requireCommonHistory: boolean;
	shortlistCount: number | null;
	partnerCount: number | null;
}

/**
 * A warning as a message key, with the stage it is about where it names one (the page
 * names it by stageLabel, as a `{stage}` of the message: issue 16, one name per stage).
 */
export interface PublishWarning {
	key: string;
	stage?: EvaluatedStage;
}

/**
 * What the owner should look at before publishing but may publish anyway: an evaluated
 * stage in the timetable without criteria (the jury would have nothing
 * to score; issue 12 moved this from every criteria save to here), and requirement
 * combinations no team can meet or that contradict each other: common work history
 * required of a team of one (history in common needs two), and more partners chosen
 * than teams shortlisted.
 */
export function publishWarnings(c: WarningCandidate): PublishWarning[] {
	const warnings: PublishWarning[] = uncoveredStages(
		c.criteria,
		c.stages.map((s) => s.stage)
	).map((stage) => ({ key: 'publish_warn_uncovered', stage }));
	if (c.requireCommonHistory && c.minTeamSize < 2)
		warnings.push({ key: 'publish_warn_history_team_of_one' });
	if (c.shortlistCount !== null && c.partnerCount !== null && c.partnerCount > c.shortlistCount)
		warnings.push({ key: 'publish_warn_partners_over_shortlist' });
	return warnings;
}
