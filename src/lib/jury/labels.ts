import { m } from '$lib/paraglide/messages';
import type { EvaluatedStage } from '$lib/domain/stages';
import type { AssignedStatus } from '$lib/domain/jury/item-filter';

/**
 * Jury names that travel as data (stages, an item's status), named one by one so that
 * only the jury pages carry them.
 */
type Label = () => string;

/** The stage as a sentence names it (lower case in English: "the shortlisting stage"). */
const STAGE: Record<EvaluatedStage, Label> = {
	shortlisting: m.jury_stage_shortlisting,
	selection: m.jury_stage_selection
};

/** The stage as a heading names it. */
const STAGE_TITLE: Record<EvaluatedStage, Label> = {
	shortlisting: m.juror_stage_title_shortlisting,
	selection: m.juror_stage_title_selection
};

const STATUS: Record<AssignedStatus, Label> = {
	not_declared: m.juror_status_not_declared,
	conflicted: m.juror_status_conflicted,
	not_started: m.juror_status_not_started,
	draft: m.juror_status_draft,
	submitted: m.juror_status_submitted
};

export const stageName = (stage: EvaluatedStage) => STAGE[stage]();
export const stageTitle = (stage: EvaluatedStage) => STAGE_TITLE[stage]();
export const statusLabel = (status: AssignedStatus) => STATUS[status]();
