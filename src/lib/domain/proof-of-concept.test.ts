import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MILESTONE_STATUSES, milestoneSteps, type MilestoneStep } from './development-record';
import {
	continuedConcepts,
	currentGoNoGo,
	goNoGoFormItems,
	goNoGoOutcome,
	isEvidenceLink,
	milestoneCounts,
	readMilestoneForm,
	milestoneIssue,
	parseLinks,
	replayMilestone,
	type GoNoGoDecision,
	type MilestoneEvent
} from './proof-of-concept';

describe('what a milestone step carries (issue 14)', () => {
	it('a plan needs a title and a calendar day in range', () => {
		expect(milestoneIssue('plan', { title: 'Pilot', dueOn: '2027-03-31' })).toBeNull();
		expect(milestoneIssue('plan', { title: '  ', dueOn: '2027-03-31' })).toBe('poc_title_missing');
		expect(milestoneIssue('replan', { title: 'x'.repeat(201), dueOn: '2027-03-31' })).toBe(
			'poc_title_too_long'
		);
		expect(milestoneIssue('plan', { title: 'Pilot', dueOn: '2027-02-30' })).toBe('poc_due_invalid');
		expect(milestoneIssue('plan', { title: 'Pilot', dueOn: '20270-01-01' })).toBe(
			'poc_due_invalid'
		);
		expect(milestoneIssue('plan', { title: 'Pilot', dueOn: '1999-12-31' })).toBe('poc_due_invalid');
		expect(milestoneIssue('plan', { title: 'Pilot' })).toBe('poc_due_invalid');
	});

	it('reads a due day typed as every day field (d.m.yyyy), and refuses anything else', () => {
		const plan = (dueOn: string) => readMilestoneForm('plan', { title: 'Pilot', dueOn });
		expect(plan('16.12.2026')).toMatchObject({ ok: true, input: { dueOn: '2026-12-16' } });
		expect(plan('2026-12-16')).toMatchObject({ ok: true, input: { dueOn: '2026-12-16' } });
		for (const typed of ['31.2.2027', '1.1.1900', '16/12/2026', '1'.repeat(101)]) {
			expect(plan(typed)).toEqual({ ok: false, issue: 'poc_due_invalid' });
		}
	});

	it('refuses a text far over its limit with its field’s code, never by throwing', () => {
		const huge = 'x'.repeat(100_001);
		const form = (step: 'plan' | 'deliver' | 'start', raw: Record<string, string>) =>
			readMilestoneForm(step, raw);
		expect(form('plan', { title: 'x'.repeat(10_001), dueOn: '2027-01-01' })).toEqual({
			ok: false,
			issue: 'poc_title_too_long'
		});
		expect(form('plan', { title: 'x'.repeat(201), dueOn: '2027-01-01' })).toEqual({
			ok: false,
			issue: 'poc_title_too_long'
		});
		expect(form('deliver', { evidence: huge })).toEqual({
			ok: false,
			issue: 'poc_evidence_too_long'
		});
		expect(form('start', { links: huge })).toEqual({ ok: false, issue: 'poc_too_many_links' });
		expect(form('start', { reason: huge })).toEqual({ ok: false, issue: 'poc_reason_too_long' });
		expect(form('deliver', { links: 'https://a.example/1\nhttps://a.example/1' })).toEqual({
			ok: true,
			input: { title: '', dueOn: '', evidence: '', links: ['https://a.example/1'], reason: '' }
		});
	});

	it('delivering needs evidence: a text or a link, links http(s) only', () => {
		expect(milestoneIssue('deliver', { evidence: ' ', links: [] })).toBe('poc_evidence_missing');
		expect(milestoneIssue('deliver', { evidence: 'Report attached', links: [] })).toBeNull();
		expect(milestoneIssue('deliver', { evidence: '', links: ['https://x.example/r'] })).toBeNull();
		expect(milestoneIssue('start', { evidence: '', links: [] })).toBeNull();
		expect(milestoneIssue('deliver', { links: ['javascript:alert(1)'] })).toBe('poc_link_invalid');
		expect(milestoneIssue('start', { links: Array(11).fill('https://x.example') })).toBe(
			'poc_too_many_links'
		);
		expect(milestoneIssue('deliver', { evidence: 'x'.repeat(8001) })).toBe('poc_evidence_too_long');
	});

	it('the owner gives a reason for accepting and for rejecting; the partner may', () => {
		expect(milestoneIssue('accept', { reason: '' })).toBe('poc_reason_missing');
		expect(milestoneIssue('reject', { reason: '\u00a0\n' })).toBe('poc_reason_missing');
		expect(milestoneIssue('reject', { reason: 'Only 40 of 60 clients reached.' })).toBeNull();
		expect(milestoneIssue('replan', { title: 'Pilot', dueOn: '2027-05-31' })).toBeNull();
		expect(milestoneIssue('accept', { reason: 'x'.repeat(4001) })).toBe('poc_reason_too_long');
	});

	it('lengths count characters as the database does, not UTF-16 units', () => {
		expect(milestoneIssue('plan', { title: '😀'.repeat(200), dueOn: '2027-01-01' })).toBeNull();
	});

	it('links: http and https with a host, printable ASCII', () => {
		for (const ok of [
			'https://a.example',
			'http://a.example:8080/x?y=1#z',
			'https://a.example/%C3%A4'
		])
			expect(isEvidenceLink(ok)).toBe(true);
		for (const bad of [
			'ftp://a.example',
			'https://',
			'https:///x',
			'https://a.example/ä',
			'https://a.example/x y',
			'data:text/html,x',
			`https://a.example/${'x'.repeat(2000)}`
		])
			expect(isEvidenceLink(bad)).toBe(false);
		expect(parseLinks(' https://a.example\n\nhttps://b.example https://a.example ')).toEqual([
			'https://a.example',
			'https://b.example'
		]);
	});
});

describe("a milestone's record replays (issue 14: each change on record)", () => {
	const steps: MilestoneStep[] = ['start', 'deliver', 'replan', 'accept', 'reject'];

	it('planned, delivered, rejected, re-planned, delivered, accepted', () => {
		const events: MilestoneEvent[] = [
			{ step: 'plan', from: null, to: 'planned' },
			{ step: 'deliver', from: 'planned', to: 'delivered' },
			{ step: 'reject', from: 'delivered', to: 'rejected' },
			{ step: 'replan', from: 'rejected', to: 'planned' },
			{ step: 'start', from: 'planned', to: 'in_progress' },
			{ step: 'deliver', from: 'in_progress', to: 'delivered' },
			{ step: 'accept', from: 'delivered', to: 'accepted' }
		];
		expect(replayMilestone(events)).toBe('accepted');
		expect(replayMilestone([...events, { step: 'replan', from: 'accepted', to: 'planned' }])).toBe(
			null
		);
		expect(replayMilestone([{ step: 'start', from: 'planned', to: 'in_progress' }])).toBeNull();
		// Evidence files change no status, and none is added once the milestone is accepted.
		expect(
			replayMilestone([
				{ step: 'plan', from: null, to: 'planned' },
				{ step: 'attach', from: 'planned', to: 'planned' },
				{ step: 'detach', from: 'planned', to: 'planned' }
			])
		).toBe('planned');
		expect(
			replayMilestone([...events, { step: 'attach', from: 'accepted', to: 'accepted' }])
		).toBeNull();
		expect(
			replayMilestone([
				{ step: 'plan', from: null, to: 'planned' },
				{ step: 'attach', from: 'planned', to: 'delivered' }
			])
		).toBeNull();
		expect(replayMilestone([])).toBeNull();
	});

	it('any walk through the allowed steps replays to where it ended', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
				const events: MilestoneEvent[] = [{ step: 'plan', from: null, to: 'planned' }];
				let status = 'planned' as (typeof MILESTONE_STATUSES)[number];
				for (const c of choices) {
					const allowed = [
						...milestoneSteps(status, 'partner'),
						...milestoneSteps(status, 'owner')
					];
					if (allowed.length === 0) break;
					const step = allowed[c % allowed.length];
					const to =
						step === 'start'
							? 'in_progress'
							: step === 'deliver'
								? 'delivered'
								: step === 'replan'
									? 'planned'
									: step === 'accept'
										? 'accepted'
										: 'rejected';
					events.push({ step, from: status, to });
					status = to;
				}
				expect(replayMilestone(events)).toBe(status);
				// A record with a step from the wrong status does not replay.
				const wrong = steps.find((s) => !milestoneSteps(status, 'partner').includes(s));
				if (wrong && wrong !== 'accept' && wrong !== 'reject')
					expect(replayMilestone([...events, { step: wrong, from: status, to: 'planned' }])).toBe(
						null
					);
			})
		);
	});

	it('counts milestones by status', () => {
		expect(
			milestoneCounts([{ status: 'accepted' }, { status: 'rejected' }, { status: 'accepted' }])
		).toEqual({ planned: 0, in_progress: 0, delivered: 0, accepted: 2, rejected: 1, total: 3 });
	});
});

describe('go / no-go (issue 14: a dropped concept never counts as continued)', () => {
	const at = (n: number) => new Date(Date.UTC(2027, 0, n));

	it('the current decision counts; a corrected one does not', () => {
		const first: GoNoGoDecision = {
			id: 'd1',
			replaces: null,
			publishedAt: at(1),
			items: [
				{ conceptId: 'a', chosen: true },
				{ conceptId: 'b', chosen: true }
			]
		};
		const correction: GoNoGoDecision = {
			id: 'd2',
			replaces: 'd1',
			publishedAt: at(5),
			items: [
				{ conceptId: 'a', chosen: true },
				{ conceptId: 'b', chosen: false }
			]
		};
		const draft: GoNoGoDecision = {
			id: 'd3',
			replaces: 'd2',
			publishedAt: null,
			items: [{ conceptId: 'b', chosen: true }]
		};
		expect([...continuedConcepts([first])]).toEqual(['a', 'b']);
		expect([...continuedConcepts([first, correction, draft])]).toEqual(['a']);
		expect(currentGoNoGo([draft])).toBeNull();
		expect(goNoGoOutcome([first, correction], 'b')).toBe('dropped');
		expect(goNoGoOutcome([first, correction], 'a')).toBe('continued');
		expect(goNoGoOutcome([first, correction], 'c')).toBe('pending');
		expect(goNoGoOutcome([], 'a')).toBe('pending');
	});

	const decisionArb = fc
		.array(
			fc.record({
				published: fc.boolean(),
				day: fc.integer({ min: 1, max: 28 }),
				items: fc.array(
					fc.record({ conceptId: fc.constantFrom('a', 'b', 'c', 'd'), chosen: fc.boolean() }),
					{ maxLength: 4 }
				)
			}),
			{ maxLength: 6 }
		)
		.map((list) =>
			list.map((d, i): GoNoGoDecision => ({
				id: `d${i}`,
				replaces: i > 0 ? `d${i - 1}` : null,
				publishedAt: d.published ? at(d.day) : null,
				// One item per concept, as the database holds (unique per decision).
				items: [...new Map(d.items.map((x) => [x.conceptId, x])).values()]
			}))
		);

	it('no concept dropped by the current decision is continued, whatever came before', () => {
		fc.assert(
			fc.property(decisionArb, (decisions) => {
				const continued = continuedConcepts(decisions);
				const current = currentGoNoGo(decisions);
				for (const item of current?.items ?? [])
					if (!item.chosen) {
						expect(continued.has(item.conceptId)).toBe(false);
						expect(goNoGoOutcome(decisions, item.conceptId)).toBe('dropped');
					}
				for (const id of continued) expect(goNoGoOutcome(decisions, id)).toBe('continued');
				if (!current) expect(continued.size).toBe(0);
			})
		);
	});

	it('the form: continue or drop per concept with a reason; others ignored', () => {
		expect(
			goNoGoFormItems(
				{
					'go:a': 'continue',
					'reason:a': ' Met every milestone. ',
					'go:b': 'drop',
					'reason:b': 'Clients not reached.',
					'go:x': 'continue'
				},
				['a', 'b', 'c']
			)
		).toEqual([
			{ itemKind: 'concept', item: 'a', chosen: true, reason: 'Met every milestone.' },
			{ itemKind: 'concept', item: 'b', chosen: false, reason: 'Clients not reached.' }
		]);
	});
});
