/**
 * Who may change what in the development and production phases (issue 14), as state
 * machines: a proof of concept's milestones, and a month's outcome report. Each change is
 * on record in the database (definer functions hold the same rules); these functions say
 * whether a step is allowed and what state it leads to, so the pages offer only the
 * steps that will be accepted.
 */

export const MILESTONE_STATUSES = [
	'planned',
	'in_progress',
	'delivered',
	'accepted',
	'rejected'
] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * What can be done to a milestone: the partner starts it, delivers it (with evidence) or
 * re-plans it (a new title or due date, back to planned); the owner accepts or rejects a
 * delivered one, with a reason.
 */
export type MilestoneStep = 'start' | 'deliver' | 'replan' | 'accept' | 'reject';

export type Actor = 'partner' | 'owner';

/** One step of a state machine: who takes it, from which states, to which. */
type Rule<S> = { by: Actor; from: readonly S[]; to: S };

/** The state after `step` by `actor` under `rules`, or null when the step is not allowed. */
function after<S, T extends string>(rules: Record<T, Rule<S>>, status: S, step: T, actor: Actor) {
	const rule = rules[step];
	return rule.by === actor && rule.from.includes(status) ? rule.to : null;
}

const MILESTONE_STEPS: Record<
	MilestoneStep,
	{ by: Actor; from: readonly MilestoneStatus[]; to: MilestoneStatus }
> = {
	start: { by: 'partner', from: ['planned'], to: 'in_progress' },
	deliver: { by: 'partner', from: ['planned', 'in_progress'], to: 'delivered' },
	// Until the owner accepts it the partner may re-plan, also after a rejection.
	replan: {
		by: 'partner',
		from: ['planned', 'in_progress', 'delivered', 'rejected'],
		to: 'planned'
	},
	accept: { by: 'owner', from: ['delivered'], to: 'accepted' },
	reject: { by: 'owner', from: ['delivered'], to: 'rejected' }
};

/**
 * The milestone's status after `step` by `actor`, or null when the step is not allowed:
 * a step of the other party, or from a status it does not start from. An accepted
 * milestone never changes again (issue 14: "until the owner accepts them").
 */
export function milestoneAfter(
	status: MilestoneStatus,
	step: MilestoneStep,
	actor: Actor
): MilestoneStatus | null {
	return after(MILESTONE_STEPS, status, step, actor);
}

/** The steps `actor` may take on a milestone in `status`, for the page to offer. */
export function milestoneSteps(status: MilestoneStatus, actor: Actor): MilestoneStep[] {
	return (Object.keys(MILESTONE_STEPS) as MilestoneStep[]).filter(
		(step) => milestoneAfter(status, step, actor) !== null
	);
}

/** Where a month's outcome report stands: none yet, or its latest version's review. */
export type ReportStatus = 'none' | 'submitted' | 'confirmed' | 'disputed';
export type ReportStep = 'submit' | 'confirm' | 'dispute';

const REPORT_STEPS: Record<
	ReportStep,
	{ by: Actor; from: readonly ReportStatus[]; to: ReportStatus }
> = {
	// A new version: the first report, a correction of a disputed one, or a fix before review.
	submit: { by: 'partner', from: ['none', 'submitted', 'disputed'], to: 'submitted' },
	confirm: { by: 'owner', from: ['submitted'], to: 'confirmed' },
	dispute: { by: 'owner', from: ['submitted'], to: 'disputed' }
};

/**
 * A month's report status after `step` by `actor`, or null when not allowed. A confirmed
 * month is locked: nothing leads out of 'confirmed' (issue 14), so the bonus it entitles
 * to never changes.
 */
export function reportAfter(
	status: ReportStatus,
	step: ReportStep,
	actor: Actor
): ReportStatus | null {
	return after(REPORT_STEPS, status, step, actor);
}
