import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/domain/locale';
import { PROCEDURES } from '$lib/domain/procedure';
import { STANDING_STEPS, type StandingOutcome } from '$lib/domain/concept-standing';
import { stageLabel } from '$lib/i18n-names';
import { standingOutcomeText, standingStepName } from './standing-labels';

const OUTCOMES: StandingOutcome[] = [
	'continued',
	'dropped',
	'not_selected',
	'no_tender',
	'not_shortlisted',
	'in_progress'
];
const NEGOTIATIONS = /neuvottel|förhandl|negotiat/i;

// Issue 16: a concept's standing page speaks of a stage by its one name in the challenge's
// procedure, as the timetable does; an open challenge's words never mention negotiations.
describe('the standing page’s steps and outcomes', () => {
	it('names the shortlisting and the stage after selection as the procedure’s stages', () => {
		for (const locale of LOCALES)
			for (const procedure of PROCEDURES) {
				const where = `${locale} ${procedure}`;
				expect(standingStepName(procedure, 'shortlisted', locale), where).toBe(
					stageLabel(procedure, 'shortlisting', locale)
				);
				expect(standingStepName(procedure, 'proof_of_concept', locale), where).toBe(
					stageLabel(procedure, 'proof_of_concept', locale)
				);
				expect(standingOutcomeText(procedure, 'not_shortlisted', locale), where).toContain(
					stageLabel(procedure, 'shortlisting', locale)
				);
			}
	});

	it('never speaks of negotiations in an open challenge, as a partnership’s shortlisting does', () => {
		for (const locale of LOCALES) {
			for (const step of STANDING_STEPS)
				expect(standingStepName('open_challenge', step, locale)).not.toMatch(NEGOTIATIONS);
			for (const outcome of OUTCOMES)
				expect(standingOutcomeText('open_challenge', outcome, locale)).not.toMatch(NEGOTIATIONS);
			expect(standingOutcomeText('innovation_partnership', 'not_shortlisted', locale)).toMatch(
				NEGOTIATIONS
			);
		}
	});

	it('gives every step and outcome words in every language and procedure', () => {
		for (const locale of LOCALES)
			for (const procedure of PROCEDURES) {
				const words = [
					...STANDING_STEPS.map((s) => standingStepName(procedure, s, locale)),
					...OUTCOMES.map((o) => standingOutcomeText(procedure, o, locale))
				];
				for (const w of words) expect(w.trim(), `${locale} ${procedure}`).not.toBe('');
				expect(new Set(words).size, `${locale} ${procedure}`).toBe(words.length);
			}
	});

	it('names an open challenge’s submission a concept, a partnership’s a final tender', () => {
		// Before: an open challenge's standing page showed the step "Lopullinen tarjous".
		const TENDER = { fi: /tarjou/i, sv: /anbud/i, en: /tender/i } as const;
		for (const locale of LOCALES) {
			for (const step of STANDING_STEPS)
				expect(standingStepName('open_challenge', step, locale)).not.toMatch(TENDER[locale]);
			for (const outcome of OUTCOMES)
				expect(standingOutcomeText('open_challenge', outcome, locale)).not.toMatch(TENDER[locale]);
			expect(standingStepName('innovation_partnership', 'final_tender', locale)).toMatch(
				TENDER[locale]
			);
			expect(standingOutcomeText('innovation_partnership', 'no_tender', locale)).toMatch(
				TENDER[locale]
			);
		}
		expect(standingStepName('open_challenge', 'final_tender', 'fi')).toBe('Jätetty konsepti');
	});
});
