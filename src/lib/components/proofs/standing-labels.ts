import { m } from '$lib/paraglide/messages';
import type { Procedure } from '$lib/domain/procedure';
import type { Locale } from '$lib/domain/locale';
import type { StandingOutcome, StandingStep } from '$lib/domain/concept-standing';
import { stageLabel } from '$lib/i18n-names';
import { submissionWords } from '$lib/concepts/labels';

// The words of a concept's standing page (/concepts/[id]/standing) for its steps and its
// outcome. Issue 16: a step that is a stage, or an outcome that names one, takes the stage's
// one name in the challenge's procedure (stageLabel), so an open challenge's shortlisting is
// never "selection for negotiations" and its proof of concept never a "development phase";
// the submission is an open challenge's concept, a partnership's final tender (submissionWords).

/**
 * The name of `step` on the standing page in `procedure`, in `locale` or the page's: the
 * shortlisting and the proof of concept by their stage names, the submission by
 * submissionWords, the other steps by their own.
 */
export function standingStepName(
	procedure: Procedure,
	step: StandingStep,
	locale?: Locale
): string {
	const options = locale ? { locale } : undefined;
	switch (step) {
		case 'shortlisted':
			return stageLabel(procedure, 'shortlisting', locale);
		case 'final_tender':
			return submissionWords(procedure).status({}, options);
		case 'selected':
			return m.poc_step_selected({}, options);
		case 'proof_of_concept':
			return stageLabel(procedure, 'proof_of_concept', locale);
		case 'go_no_go':
			return m.poc_step_go_no_go({}, options);
	}
}

/**
 * The sentence for a concept's `outcome` in `procedure`, in `locale` or the page's; an
 * outcome that ends at the shortlisting says so by that stage's name in the procedure.
 */
export function standingOutcomeText(
	procedure: Procedure,
	outcome: StandingOutcome,
	locale?: Locale
): string {
	const options = locale ? { locale } : undefined;
	switch (outcome) {
		case 'continued':
			return m.poc_outcome_continued({}, options);
		case 'dropped':
			return m.poc_outcome_dropped({}, options);
		case 'not_selected':
			return m.poc_outcome_not_selected({}, options);
		case 'no_tender':
			return submissionWords(procedure).noneByDeadline({}, options);
		case 'not_shortlisted':
			return m.poc_outcome_not_shortlisted(
				{ stage: stageLabel(procedure, 'shortlisting', locale) },
				options
			);
		case 'in_progress':
			return m.poc_outcome_in_progress({}, options);
	}
}
