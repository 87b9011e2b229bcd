import { describe, expect, it } from 'vitest';
import { parseScreening } from './application-schemas';

const R1 = '11111111-1111-4111-8111-111111111111';
const R2 = '22222222-2222-4222-8222-222222222222';
const ids = [R1, R2];

describe('parseScreening', () => {
	it('saves marks without a decision', () => {
		expect(parseScreening({ [`met_${R1}`]: 'yes', [`reason_${R1}`]: '  ok  ' }, ids)).toEqual({
			ok: true,
			data: { marks: [{ requirementId: R1, met: true, reason: 'ok' }], decision: null }
		});
	});

	it('needs a reason for a requirement not met', () => {
		expect(parseScreening({ [`met_${R1}`]: 'no', [`reason_${R1}`]: ' ' }, ids)).toEqual({
			ok: false,
			errors: { [`reason_${R1}`]: 'error_reason_for_unmet' }
		});
	});

	it('records an eligible decision when every requirement is met', () => {
		const parsed = parseScreening(
			{ [`met_${R1}`]: 'yes', [`met_${R2}`]: 'yes', decision: 'eligible', justification: 'Fine.' },
			ids
		);
		expect(parsed).toEqual({
			ok: true,
			data: {
				marks: [
					{ requirementId: R1, met: true, reason: '' },
					{ requirementId: R2, met: true, reason: '' }
				],
				decision: { eligible: true, justification: 'Fine.' }
			}
		});
	});

	it('a decision needs every requirement marked and a justification', () => {
		expect(parseScreening({ [`met_${R1}`]: 'yes', decision: 'ineligible' }, ids)).toEqual({
			ok: false,
			errors: {
				[`met_${R2}`]: 'error_mark_required',
				justification: 'error_justification_required'
			}
		});
	});

	it('cannot find eligible an application that fails a requirement', () => {
		const raw = {
			[`met_${R1}`]: 'no',
			[`reason_${R1}`]: 'No insurance.',
			[`met_${R2}`]: 'yes',
			justification: 'x'
		};
		expect(parseScreening({ ...raw, decision: 'eligible' }, ids)).toEqual({
			ok: false,
			errors: { decision: 'error_eligible_with_unmet' }
		});
		expect(parseScreening({ ...raw, decision: 'ineligible' }, ids).ok).toBe(true);
	});

	it('refuses an unknown decision and over-long text', () => {
		const parsed = parseScreening(
			{ decision: 'maybe', justification: 'x'.repeat(4001), [`reason_${R1}`]: 'y'.repeat(2001) },
			ids
		);
		expect(parsed).toEqual({
			ok: false,
			errors: {
				decision: 'error_form',
				justification: 'error_text_long',
				[`reason_${R1}`]: 'error_text_long'
			}
		});
	});

	it('ignores marks for requirements that are not the challenge’s', () => {
		const other = '33333333-3333-4333-8333-333333333333';
		expect(parseScreening({ [`met_${other}`]: 'yes' }, ids)).toEqual({
			ok: true,
			data: { marks: [], decision: null }
		});
	});
});
