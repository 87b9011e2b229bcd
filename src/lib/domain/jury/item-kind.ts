/**
 * What a jury scores at each evaluated stage (issues 13 and 14): the applications (their
 * preliminary tenders) at shortlisting, the final tenders at selection. The database has
 * the same rule (private.jury_stage_kind in 20261207000301_selection.sql); the item id alone
 * names the item, the kind says which table it is in.
 */
import type { EvaluatedStage } from '$lib/domain/stages';

export type JuryItemKind = 'application' | 'final_tender';

/** The kind of item the jury of `stage` scores. */
export const jurorItemKind = (stage: EvaluatedStage): JuryItemKind =>
	stage === 'selection' ? 'final_tender' : 'application';
