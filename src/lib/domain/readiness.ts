// What the application page's "Ready to submit?" box lists (issue 12, Solver): what keeps
// the draft from being submitted (the database refuses the same, see submissionProblems),
// a document chosen but not yet uploaded, and, as warnings, what the owner's screening
// will find short (the coverage matrix's shortfalls: uncovered areas, team size, common
// work history). Warnings never block: the team may submit, knowing the risk.
import { submissionProblems, type Answer, type Idea, type Readiness } from './application-schemas';
import type { Coverage, Shortfall } from './experience';

/** A document chosen in a field but not uploaded (null: the general documents' field). */
export interface PendingFile {
	requirementId: string | null;
	name: string;
}

export type Blocking =
	Readiness | { code: 'file_pending'; requirementId: string | null; name: string };

export interface ReadinessReport {
	/** What must be done before submitting: the submit button stays off while any is left. */
	blocking: Blocking[];
	/** Team requirements the team does not meet yet: screening is likely to find it ineligible. */
	warnings: Shortfall[];
	/** Nothing blocks a submission. */
	submittable: boolean;
	/** Nothing blocks and nothing warns: only then is the box all ✓. */
	complete: boolean;
}

/**
 * The readiness of a draft.
 * Takes: the ideas and answers as typed, the challenge's idea count and requirement ids, the
 * team's live coverage (null when the challenge has no deadline yet: nothing to warn of)
 * and the files chosen but not uploaded.
 * Returns: blocking items (submissionProblems' in their order, then pending files) and
 * warnings (the coverage's shortfalls in their order).
 */
export function readiness(input: {
	ideas: Idea[];
	answers: Answer[];
	ideaCount: number;
	requirementIds: string[];
	coverage: Coverage | null;
	pendingFiles?: PendingFile[];
}): ReadinessReport {
	const blocking: Blocking[] = [
		...submissionProblems(input.ideas, input.answers, input.ideaCount, input.requirementIds),
		...(input.pendingFiles ?? []).map((f): Blocking => ({
			code: 'file_pending',
			requirementId: f.requirementId,
			name: f.name
		}))
	];
	const warnings = input.coverage ? [...input.coverage.shortfalls] : [];
	return {
		blocking,
		warnings,
		submittable: blocking.length === 0,
		complete: blocking.length === 0 && warnings.length === 0
	};
}
