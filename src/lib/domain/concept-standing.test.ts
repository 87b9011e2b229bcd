import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	conceptStanding,
	standingOutcome,
	type DecidedItem,
	type StandingFacts
} from './concept-standing';

const decided = (chosen: boolean, reason = 'Why'): DecidedItem => ({
	decisionId: 'd',
	chosen,
	reason,
	lang: 'fi',
	decidedOn: '2027-01-01'
});

const states = (facts: StandingFacts) => conceptStanding(facts).map((s) => s.state);

const base: StandingFacts = {
	shortlisting: decided(true),
	finalTenderAt: null,
	tenderDeadlinePassed: false,
	selection: null,
	milestones: null,
	goNoGo: null
};

describe("where a concept stands (issue 14: 'where its concept stands and why')", () => {
	it('walks shortlisted → final tender → selected → proof of concept → go', () => {
		expect(states(base)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming']);
		const tendered = { ...base, finalTenderAt: new Date() };
		expect(states(tendered)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming']);
		const partner = {
			...tendered,
			selection: decided(true),
			milestones: { accepted: 1, total: 3 }
		};
		expect(states(partner)).toEqual(['done', 'done', 'done', 'current', 'upcoming']);
		const go = { ...partner, goNoGo: decided(true, 'Every milestone met.') };
		expect(states(go)).toEqual(['done', 'done', 'done', 'done', 'done']);
		expect(standingOutcome(conceptStanding(go))).toBe('continued');
		expect(conceptStanding(go)[4].decided?.reason).toBe('Every milestone met.');
	});

	it('stops where a decision drops it, with the reason; later steps not reached', () => {
		const dropped = {
			...base,
			finalTenderAt: new Date(),
			selection: decided(true),
			goNoGo: decided(false, 'Too few clients.')
		};
		expect(states(dropped)).toEqual(['done', 'done', 'done', 'done', 'stopped']);
		expect(standingOutcome(conceptStanding(dropped))).toBe('dropped');
		const notSelected = { ...base, finalTenderAt: new Date(), selection: decided(false, 'Rank 3') };
		expect(states(notSelected)).toEqual(['done', 'done', 'stopped', 'not_reached', 'not_reached']);
		expect(conceptStanding(notSelected)[2].decided?.reason).toBe('Rank 3');
		expect(standingOutcome(conceptStanding(notSelected))).toBe('not_selected');
		const late = { ...base, tenderDeadlinePassed: true };
		expect(standingOutcome(conceptStanding(late))).toBe('no_tender');
		// Without a shortlisting decision on record the concept still shows it was shortlisted.
		expect(states({ ...base, shortlisting: null })[0]).toBe('done');
	});

	const item = fc.option(
		fc.record({
			decisionId: fc.constant('d'),
			chosen: fc.boolean(),
			reason: fc.string(),
			lang: fc.constantFrom('fi' as const, 'sv' as const, 'en' as const),
			decidedOn: fc.constant(null)
		}),
		{ nil: null }
	);
	const facts = fc.record({
		shortlisting: item,
		finalTenderAt: fc.option(fc.constant(new Date(0)), { nil: null }),
		tenderDeadlinePassed: fc.boolean(),
		selection: item,
		milestones: fc.option(fc.record({ accepted: fc.nat(), total: fc.nat() }), { nil: null }),
		goNoGo: item
	});

	it('a dropped concept is never continued; continued only with a go decision', () => {
		fc.assert(
			fc.property(facts, (f) => {
				const outcome = standingOutcome(conceptStanding(f));
				if (f.goNoGo && !f.goNoGo.chosen) expect(outcome).not.toBe('continued');
				if (outcome === 'continued') expect(f.goNoGo?.chosen).toBe(true);
			})
		);
	});

	it('at most one step is current or stopped, and nothing after a stop is reached', () => {
		fc.assert(
			fc.property(facts, (f) => {
				const s = states(f);
				expect(s.filter((x) => x === 'current' || x === 'stopped').length).toBeLessThanOrEqual(1);
				const stop = s.indexOf('stopped');
				if (stop >= 0) expect(s.slice(stop + 1).every((x) => x === 'not_reached')).toBe(true);
				const current = s.indexOf('current');
				if (current >= 0) expect(s.slice(current + 1).every((x) => x === 'upcoming')).toBe(true);
				// Steps before the current or stopped one are done.
				const edge = Math.max(stop, current);
				if (edge >= 0) expect(s.slice(0, edge).every((x) => x === 'done')).toBe(true);
			})
		);
	});
});
