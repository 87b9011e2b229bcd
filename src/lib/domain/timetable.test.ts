import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDeadline, timetablePosition, validateTimetable, type StageWindow } from './timetable';
import { PROCEDURE_STAGES } from './stages';

const d = (iso: string) => new Date(`${iso}T12:00:00+02:00`);
const w = (
	stage: StageWindow['stage'],
	start: string,
	end: string,
	extra: Partial<StageWindow> = {}
) => ({
	stage,
	startsAt: d(start),
	endsAt: d(end),
	...extra
});

// The Helsinki innovation partnership, roughly: dialogue 1/2020, tenders through 2020,
// development phase 1–6/2021, production 7/2021–3/2022.
const helsinki: StageWindow[] = [
	w('market_dialogue', '2020-01-07', '2020-01-31'),
	w('applications', '2020-02-03', '2020-03-15'),
	w('screening', '2020-03-16', '2020-03-31', {
		decisionOn: '2020-04-01',
		signatory: 'Head of Employment Services'
	}),
	w('shortlisting', '2020-04-01', '2020-05-15', {
		decisionOn: '2020-05-20',
		signatory: 'Head of Employment Services'
	}),
	w('workshops', '2020-06-01', '2020-09-30'),
	w('concepts', '2020-10-01', '2020-11-15'),
	w('selection', '2020-11-16', '2020-12-15', {
		decisionOn: '2020-12-18',
		signatory: 'Deputy Mayor'
	}),
	w('proof_of_concept', '2021-01-04', '2021-06-30'),
	w('production', '2021-07-01', '2022-03-31')
];

describe('timetable validation', () => {
	it('accepts a full innovation partnership timetable in order', () => {
		expect(validateTimetable('innovation_partnership', helsinki)).toEqual([]);
	});

	it('refuses an end before the start, and stages out of order', () => {
		const broken = [
			w('applications', '2026-03-01', '2026-02-01'),
			w('market_dialogue', '2026-03-05', '2026-03-10')
		];
		expect(validateTimetable('open_challenge', broken)).toEqual([
			{ stage: 'applications', field: 'endsAt', code: 'end_not_after_start' },
			{ stage: 'applications', field: 'startsAt', code: 'starts_before_previous' },
			{ stage: 'applications', field: 'endsAt', code: 'ends_before_previous' }
		]);
	});

	it('lets questions run into the application period but not past its end', () => {
		const overlapping = [
			w('market_dialogue', '2026-01-01', '2026-02-10'),
			w('applications', '2026-02-01', '2026-02-28')
		];
		expect(validateTimetable('open_challenge', overlapping)).toEqual([]);
		const past = [
			w('market_dialogue', '2026-01-01', '2026-03-10'),
			w('applications', '2026-02-01', '2026-02-28')
		];
		expect(validateTimetable('open_challenge', past)).toEqual([
			{ stage: 'applications', field: 'endsAt', code: 'ends_before_previous' }
		]);
	});

	it('needs an application period, and production only in an innovation partnership', () => {
		expect(
			validateTimetable('open_challenge', [w('production', '2026-01-01', '2026-02-01')])
		).toEqual([
			{ stage: 'production', field: 'startsAt', code: 'stage_not_in_procedure' },
			{ stage: 'applications', field: 'startsAt', code: 'stage_required' }
		]);
	});

	it('wants a signatory with every decision date, inside its stage and before the next starts', () => {
		const apps = w('applications', '2026-02-01', '2026-02-28');
		const screening = (extra: Partial<StageWindow>) => [
			apps,
			w('screening', '2026-03-01', '2026-03-10', extra),
			w('shortlisting', '2026-03-20', '2026-04-01')
		];
		expect(validateTimetable('open_challenge', screening({ decisionOn: '2026-03-12' }))).toEqual([
			{ stage: 'screening', field: 'signatory', code: 'decision_without_signatory' }
		]);
		expect(
			validateTimetable('open_challenge', screening({ decisionOn: '2026-02-12', signatory: 'X' }))
		).toEqual([{ stage: 'screening', field: 'decisionOn', code: 'decision_before_stage' }]);
		expect(
			validateTimetable('open_challenge', screening({ decisionOn: '2026-03-25', signatory: 'X' }))
		).toEqual([{ stage: 'screening', field: 'decisionOn', code: 'decision_after_next_stage' }]);
		expect(
			validateTimetable('open_challenge', [
				w('applications', '2026-02-01', '2026-02-28', {
					decisionOn: '2026-03-01',
					signatory: 'X'
				})
			])
		).toEqual([{ stage: 'applications', field: 'decisionOn', code: 'decision_not_for_stage' }]);
	});

	it('compares a decision day with the Helsinki days its stage and the next start on', () => {
		// The stage opens at 09:00 on 1 March; a decision dated 1 March is inside it, and one
		// dated the day the next stage starts (at 09:00) is in time — a day has no hour.
		const at9 = (day: string) => new Date(`${day}T09:00:00+02:00`);
		const stages = (decisionOn: string): StageWindow[] => [
			{ stage: 'applications', startsAt: at9('2026-02-01'), endsAt: at9('2026-02-28') },
			{
				stage: 'screening',
				startsAt: at9('2026-03-01'),
				endsAt: at9('2026-03-10'),
				decisionOn,
				signatory: 'X'
			},
			{ stage: 'shortlisting', startsAt: at9('2026-03-20'), endsAt: at9('2026-04-01') }
		];
		expect(validateTimetable('open_challenge', stages('2026-03-01'))).toEqual([]);
		expect(validateTimetable('open_challenge', stages('2026-03-20'))).toEqual([]);
		expect(validateTimetable('open_challenge', stages('2026-02-28'))[0]?.code).toBe(
			'decision_before_stage'
		);
		expect(validateTimetable('open_challenge', stages('2026-03-21'))[0]?.code).toBe(
			'decision_after_next_stage'
		);
	});
});

describe('where the challenge is now', () => {
	it('before, during, between and after the stages', () => {
		const p = (iso: string) => timetablePosition('innovation_partnership', helsinki, d(iso));
		expect(p('2019-12-01')).toMatchObject({
			phase: 'upcoming',
			next: { stage: 'market_dialogue' }
		});
		expect(p('2020-02-10')).toMatchObject({
			phase: 'running',
			current: [{ stage: 'applications' }],
			next: { stage: 'screening' }
		});
		expect(p('2020-05-25')).toMatchObject({
			phase: 'between',
			previous: { stage: 'shortlisting' },
			next: { stage: 'workshops' }
		});
		expect(p('2022-06-01')).toMatchObject({ phase: 'finished', last: { stage: 'production' } });
		expect(timetablePosition('open_challenge', [], d('2026-01-01'))).toEqual({
			phase: 'not_scheduled'
		});
	});

	it('shows overlapping stages together', () => {
		const overlapping = [
			w('market_dialogue', '2026-01-01', '2026-02-10'),
			w('applications', '2026-02-01', '2026-02-28')
		];
		const position = timetablePosition('open_challenge', overlapping, d('2026-02-05'));
		expect(position).toMatchObject({ phase: 'running', next: null });
		expect(position.phase === 'running' && position.current.map((c) => c.stage)).toEqual([
			'market_dialogue',
			'applications'
		]);
	});

	it('the next deadline is the nearest start or end still ahead', () => {
		expect(nextDeadline(helsinki, d('2020-02-10'))).toMatchObject({
			stage: 'applications',
			kind: 'ends'
		});
		expect(nextDeadline(helsinki, d('2023-01-01'))).toBeNull();
	});

	it('any instant is in at most the stages that contain it (property)', () => {
		const stages = PROCEDURE_STAGES.innovation_partnership;
		fc.assert(
			fc.property(
				fc.integer({ min: Date.parse('2019-01-01'), max: Date.parse('2023-01-01') }),
				(t) => {
					const position = timetablePosition('innovation_partnership', helsinki, new Date(t));
					if (position.phase === 'running') {
						for (const c of position.current) {
							expect(c.startsAt.getTime()).toBeLessThanOrEqual(t);
							expect(c.endsAt.getTime()).toBeGreaterThan(t);
							expect(stages).toContain(c.stage);
						}
					}
				}
			)
		);
	});
});
