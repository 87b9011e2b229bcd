/**
 * What a jury scores at each evaluated stage (issues 13 and 14): the applications (their
 * preliminary tenders) at shortlisting, the final tenders at selection. The database has
 * the same rule (private.jury_stage_kind in 20261207000301_selection.sql); the item id alone
 * names the item, the kind says which table it is in.
 */
import type { Procedure } from '$lib/domain/procedure';
import type { EvaluatedStage } from '$lib/domain/stages';

export type JuryItemKind = 'application' | 'final_tender';

/** The kind of item the jury of `stage` scores. */
export const jurorItemKind = (stage: EvaluatedStage): JuryItemKind =>
	stage === 'selection' ? 'final_tender' : 'application';

/**
 * What the jury pages call the items of `stage` in a challenge of `procedure` (an outside
 * tester's report: an open challenge's jury page spoke of "lopulliset tarjoukset"): the
 * applications at shortlisting in either procedure; at selection, the final tenders of an
 * innovation partnership (Act 1397/2016 §38–39, as its stage "Lopulliset tarjoukset") but
 * the concepts of an open challenge, which asks for no tenders. The words of each term are
 * in $lib/jury/labels (juryItemWords).
 */
export type JuryItemTerm = 'application' | 'concept' | 'final_tender';

export const juryItemTerm = (procedure: Procedure, stage: EvaluatedStage): JuryItemTerm =>
	stage === 'shortlisting'
		? 'application'
		: procedure === 'innovation_partnership'
			? 'final_tender'
			: 'concept';
