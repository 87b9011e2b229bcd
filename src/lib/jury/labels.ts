import { m } from '$lib/paraglide/messages';
import type { AssignedStatus } from '$lib/domain/jury/item-filter';
import { juryItemTerm, type JuryItemTerm } from '$lib/domain/jury/item-kind';
import type { Locale } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import type { EvaluatedStage } from '$lib/domain/stages';

/**
 * An item's status and the items themselves in words, named one by one so that only the
 * jury pages carry them. A stage is named by stageLabel ($lib/i18n-names), as everywhere.
 */
type Label = () => string;

const STATUS: Record<AssignedStatus, Label> = {
	not_declared: m.juror_status_not_declared,
	conflicted: m.juror_status_conflicted,
	not_started: m.juror_status_not_started,
	draft: m.juror_status_draft,
	submitted: m.juror_status_submitted
};

export const statusLabel = (status: AssignedStatus) => STATUS[status]();

type Words = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The jury pages' words for the items of one term (JuryItemTerm). */
export type JuryItemWords = {
	/** The heading over the item as submitted (the juror's item page). */
	heading: Words;
	/** "… as it was submitted {time}." under the item's title. */
	frozen: (inputs: { time: string }, options?: { locale?: Locale }) => string;
	/** The invitation's promise that conflicts are declared before any item is seen. */
	conflictsFirst: Words;
	/** The chair's stage when there is nothing to score yet. */
	noItems: Words;
};

/** The results' words for the prices the items of a selection give. */
export type PriceWords = {
	/** The column of the price each item gave. */
	column: Words;
	/** The note that no item has a price yet. */
	missing: Words;
	/** The note naming the teams whose item has no price. */
	unpriced: (inputs: { teams: string }, options?: { locale?: Locale }) => string;
};

const TERM_WORDS: Record<JuryItemTerm, JuryItemWords> = {
	application: {
		heading: m.juror_application_heading,
		frozen: m.juror_item_frozen,
		conflictsFirst: m.juror_invitation_conflicts_first,
		noItems: m.jurychair_no_items_shortlisting
	},
	final_tender: {
		heading: m.selection_tender_heading,
		frozen: m.selection_item_frozen,
		conflictsFirst: m.selection_invitation_conflicts_first,
		noItems: m.jurychair_no_items_selection
	},
	concept: {
		heading: m.selection_concept_heading,
		frozen: m.selection_concept_frozen,
		conflictsFirst: m.selection_concept_conflicts_first,
		noItems: m.jurychair_no_concepts_selection
	}
};

/** Only a selection is priced: its items are final tenders or concepts (juryItemTerm). */
const PRICE_WORDS: Record<Exclude<JuryItemTerm, 'application'>, PriceWords> = {
	final_tender: {
		column: m.selection_col_tender_price,
		missing: m.jurychair_price_missing,
		unpriced: m.selection_price_unpriced
	},
	concept: {
		column: m.selection_col_concept_price,
		missing: m.jurychair_concept_price_missing,
		unpriced: m.selection_concept_price_unpriced
	}
};

/**
 * The jury pages' words for the items a jury of `stage` scores in a challenge of
 * `procedure` (juryItemTerm): an open challenge's selection speaks of concepts, an
 * innovation partnership's of final tenders. Every jury page words its items through this.
 */
export const juryItemWords = (procedure: Procedure, stage: EvaluatedStage): JuryItemWords =>
	TERM_WORDS[juryItemTerm(procedure, stage)];

/** The results' price words of a selection in a challenge of `procedure` (concepts' or tenders'). */
export const selectionPriceWords = (procedure: Procedure): PriceWords =>
	PRICE_WORDS[juryItemTerm(procedure, 'selection') as keyof typeof PRICE_WORDS];
