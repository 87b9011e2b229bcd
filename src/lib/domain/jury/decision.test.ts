import { describe, expect, it } from 'vitest';
import { checkDecision, proposeTopK } from './decision';

const ranked = [
	{ item: 'a', total: 80 },
	{ item: 'b', total: 75 },
	{ item: 'c', total: 75 },
	{ item: 'd', total: null }
];
const base = { ranked: ['a', 'b', 'c', 'd'], proposed: ['a', 'b'], k: 2, justification: '' };

describe('proposeTopK', () => {
	it('proposes the first k and notices a tie at the cut-off', () => {
		expect(proposeTopK(ranked, 2)).toEqual({ proposed: ['a', 'b'], tieAtCutoff: true });
		expect(proposeTopK(ranked, 1)).toEqual({ proposed: ['a'], tieAtCutoff: false });
		expect(proposeTopK(ranked, 3)).toEqual({ proposed: ['a', 'b', 'c'], tieAtCutoff: false });
		expect(proposeTopK(ranked, 9)).toEqual({
			proposed: ['a', 'b', 'c', 'd'],
			tieAtCutoff: false
		});
		expect(
			proposeTopK(
				[
					{ item: 'a', total: 0.1 + 0.2 },
					{ item: 'b', total: 0.3 }
				],
				1
			)
		).toEqual({
			proposed: ['a'],
			tieAtCutoff: true
		});
	});

	it('refuses a k that is not a positive whole number', () => {
		for (const k of [0, -1, 1.5]) expect(() => proposeTopK(ranked, k)).toThrow(RangeError);
	});
});

describe('checkDecision', () => {
	it('accepts the proposal as it is, reasons optional', () => {
		expect(checkDecision({ ...base, chosen: ['b', 'a'] })).toEqual({
			ok: true,
			departs: false,
			added: [],
			dropped: [],
			justification: ''
		});
	});

	it('wants written reasons for another set of k', () => {
		const chosen = ['a', 'c'];
		expect(checkDecision({ ...base, chosen, justification: '  ' })).toEqual({
			ok: false,
			issues: ['decision_justification_missing']
		});
		expect(
			checkDecision({ ...base, chosen, justification: ' c and b tied; c is cheaper. ' })
		).toEqual({
			ok: true,
			departs: true,
			added: ['c'],
			dropped: ['b'],
			justification: 'c and b tied; c is cheaper.'
		});
	});

	it('wants written reasons for k + 1 or fewer than k, and refuses more than k + 1', () => {
		expect(checkDecision({ ...base, chosen: ['a', 'b', 'c'] })).toEqual({
			ok: false,
			issues: ['decision_justification_missing']
		});
		expect(
			checkDecision({ ...base, chosen: ['a', 'b', 'c'], justification: 'Tie.' })
		).toMatchObject({ ok: true, departs: true, added: ['c'], dropped: [] });
		expect(checkDecision({ ...base, chosen: ['a'], justification: 'b withdrew.' })).toMatchObject({
			ok: true,
			dropped: ['b']
		});
		expect(checkDecision({ ...base, chosen: ['a', 'b', 'c', 'd'], justification: 'All.' })).toEqual(
			{ ok: false, issues: ['decision_too_many'] }
		);
	});

	it('refuses nobody, duplicates, unknown items and over-long reasons', () => {
		expect(checkDecision({ ...base, chosen: [] })).toEqual({
			ok: false,
			issues: ['decision_empty', 'decision_justification_missing']
		});
		expect(checkDecision({ ...base, chosen: ['a', 'a', 'b'] })).toEqual({
			ok: false,
			issues: ['decision_duplicate']
		});
		expect(checkDecision({ ...base, chosen: ['a', 'x'], justification: 'x' })).toEqual({
			ok: false,
			issues: ['decision_unknown_item']
		});
		expect(checkDecision({ ...base, chosen: ['a', 'b'], justification: 'x'.repeat(4001) })).toEqual(
			{ ok: false, issues: ['decision_justification_too_long'] }
		);
	});
});
