import { describe, expect, it } from 'vitest';
import {
	decisionDayContext,
	decisionDayIssue,
	decisionDayWindow,
	readDecisionDay
} from './decision-day';
import { decisionFormDraft } from './decision-schemas';

// An outside tester's report: a decision dated 1 January 1900 was published, a day after
// publishing was accepted, and 16.12.2026 or 2026-02-31 got only a generic form error.
const ctx = { challengeFrom: '2026-11-02', today: '2026-12-03', planned: '2026-12-20' };

describe('the day of a decision', () => {
	it('lies between the challenge’s publication and today, a draft up to its planned day', () => {
		expect(decisionDayWindow(ctx, false)).toEqual({ earliest: '2026-11-02', latest: '2026-12-20' });
		expect(decisionDayWindow(ctx, true)).toEqual({ earliest: '2026-11-02', latest: '2026-12-03' });
		expect(decisionDayWindow({ ...ctx, planned: '2026-11-20' }, false).latest).toBe('2026-12-03');
		expect(decisionDayWindow({ ...ctx, planned: null }, false).latest).toBe('2026-12-03');
	});

	it('refuses 1 January 1900 and a day after publishing', () => {
		expect(decisionDayIssue('1900-01-01', ctx, true)).toBe('decision_day_before_challenge');
		expect(decisionDayIssue('2026-11-01', ctx, false)).toBe('decision_day_before_challenge');
		expect(decisionDayIssue('2026-11-02', ctx, true)).toBeNull();
		expect(decisionDayIssue('2026-12-03', ctx, true)).toBeNull();
		expect(decisionDayIssue('2026-12-04', ctx, true)).toBe('decision_day_in_future');
		expect(decisionDayIssue('2026-12-21', ctx, false)).toBe('decision_day_in_future');
	});

	it('lets the planned day through publishing (it is then dated the day of publication)', () => {
		expect(decisionDayIssue('2026-12-20', ctx, false)).toBeNull();
		expect(decisionDayIssue('2026-12-20', ctx, true)).toBeNull();
		expect(decisionDayIssue('2026-12-19', ctx, false)).toBeNull();
		expect(decisionDayIssue('2026-12-19', ctx, true)).toBe('decision_day_in_future');
	});

	it('takes its context as a page has it, in Helsinki days', () => {
		const now = new Date('2026-12-03T22:30:00Z'); // 4 December 00.30 in Helsinki
		expect(
			decisionDayContext(
				{
					publishedAt: new Date('2026-11-01T22:30:00Z'),
					stages: [{ stage: 'shortlisting', decisionOn: '2026-12-20' }]
				},
				'shortlisting',
				now
			)
		).toEqual({ challengeFrom: '2026-11-02', today: '2026-12-04', planned: '2026-12-20' });
		expect(decisionDayContext({ publishedAt: null, stages: [] }, 'selection', now)).toEqual({
			challengeFrom: '2026-12-04',
			today: '2026-12-04',
			planned: null
		});
	});
});

describe('the decision form’s day field', () => {
	it('reads the Finnish d.m.yyyy as every day field, and ISO', () => {
		expect(readDecisionDay('16.12.2026', ctx)).toEqual({ ok: true, day: '2026-12-16' });
		expect(readDecisionDay(' 2026-12-01 ', ctx)).toEqual({ ok: true, day: '2026-12-01' });
		expect(readDecisionDay('  ', ctx)).toEqual({ ok: true, day: undefined });
	});

	it('says at the field what is wrong: not a date, no such day, outside the window', () => {
		expect(readDecisionDay('12/16/2026', ctx)).toEqual({
			ok: false,
			error: { key: 'error_date_format' }
		});
		expect(readDecisionDay('2026-02-31', ctx)).toEqual({
			ok: false,
			error: { key: 'error_date_no_such_day' }
		});
		expect(readDecisionDay('31.2.2026', ctx)).toEqual({
			ok: false,
			error: { key: 'error_date_no_such_day' }
		});
		expect(readDecisionDay('1.1.1900', ctx)).toEqual({
			ok: false,
			error: { key: 'decision_form_day_before', earliest: '2026-11-02' }
		});
		expect(readDecisionDay('1.1.2027', ctx)).toEqual({
			ok: false,
			error: { key: 'decision_form_day_after', latest: '2026-12-20' }
		});
	});

	it('sends the day typed the Finnish way to the database as a YYYY-MM-DD day', () => {
		expect(decisionFormDraft({ decidedOn: '16.12.2026' }, []).details?.decidedOn).toBe(
			'2026-12-16'
		);
	});
});
