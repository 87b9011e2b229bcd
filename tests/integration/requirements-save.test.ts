import { beforeAll, expect, it } from 'vitest';
import { saveRequirements } from '../../src/lib/server/challenges/editor';
import type { RequirementsForm } from '../../src/lib/domain/challenge-schemas';
import { describeEachDatabase } from './databases';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

const insurance = { en: 'The team has liability insurance.' };
const language = { en: 'The team can work in Finnish or English.' };

/** The scenario challenge's requirements section as its owner would post it unchanged. */
const form = (f: Partial<RequirementsForm>): RequirementsForm => ({
	requirements: [insurance, language],
	competenceAreas: ['software_development', 'service_design'],
	lookbackYears: 3,
	minTeamSize: 2,
	requireCommonHistory: true,
	ideaCount: 3,
	shortlistCount: null,
	partnerCount: null,
	rewards: {},
	...f
});

describeEachDatabase('saving requirements keeps what hangs on them', (db) => {
	let s: ScreeningScenario;
	let editor: { id: string; name: string };

	/** Requirement ids of the rows of `table` for an application. */
	const ids = (table: string, applicationId: string) =>
		db().service('test: rows by requirement', async (tx) =>
			(
				await tx.query<{ requirement_id: string }>(
					`select requirement_id from public.${table} where application_id = $1 order by requirement_id`,
					[applicationId]
				)
			).map((r) => r.requirement_id)
		);
	const requirements = () =>
		db().service('test: requirements', (tx) =>
			tx.query<{ id: string; position: number; statement: unknown }>(
				'select id, position, statement from public.challenge_requirements where challenge_id = $1 order by position',
				[s.challenge.id]
			)
		);

	beforeAll(async () => {
		s = await createScreeningScenario(db());
		editor = { id: s.owner.id, name: 'Olga Owner' };
	});

	it('a save that changes only the rewards keeps every answer, document and mark', async () => {
		const [req1, req2] = s.challenge.requirementIds;
		const before = {
			answersA: await ids('application_answers', s.appA.id),
			answersB: await ids('application_answers', s.appB.id),
			marksA: await ids('screening_marks', s.appA.id),
			marksB: await ids('screening_marks', s.appB.id),
			documentsA: await ids('application_documents', s.appA.id)
		};
		expect(before.answersA).toEqual([req1, req2].sort());
		expect(before.marksA).toEqual([req1, req2].sort());
		expect(before.marksB).toEqual([req1]);
		expect(before.documentsA).toEqual([req1]);

		const result = await db().as(s.owner, (tx) =>
			saveRequirements(
				tx,
				editor,
				s.challenge.id,
				form({ rewards: { en: '5,000 euros to each partner' } }),
				'Rewards announced'
			)
		);
		expect(result?.amended).toBe(true);
		expect(result?.changes.map((c) => c.field)).toEqual(['rewards']);

		expect(await requirements()).toEqual([
			{ id: req1, position: 1, statement: insurance },
			{ id: req2, position: 2, statement: language }
		]);
		expect(await ids('application_answers', s.appA.id)).toEqual(before.answersA);
		expect(await ids('application_answers', s.appB.id)).toEqual(before.answersB);
		expect(await ids('screening_marks', s.appA.id)).toEqual(before.marksA);
		expect(await ids('screening_marks', s.appB.id)).toEqual(before.marksB);
		expect(await ids('application_documents', s.appA.id)).toEqual(before.documentsA);
	});

	it('removing a requirement removes only its own answers, documents and marks', async () => {
		const [req1, req2] = s.challenge.requirementIds;
		const answersElsewhere = await ids('application_answers', s.draftA.id);

		const result = await db().as(s.owner, (tx) =>
			saveRequirements(
				tx,
				editor,
				s.challenge.id,
				form({ requirements: [language], rewards: { en: '5,000 euros to each partner' } }),
				'Insurance is no longer required'
			)
		);
		expect(result?.changes.map((c) => c.field)).toEqual(['requirements']);

		expect(await requirements()).toEqual([{ id: req2, position: 1, statement: language }]);
		expect(await ids('application_answers', s.appA.id)).toEqual([req2]);
		expect(await ids('application_answers', s.appB.id)).toEqual([req2]);
		expect(await ids('screening_marks', s.appA.id)).toEqual([req2]);
		expect(await ids('screening_marks', s.appB.id)).toEqual([]);
		expect(await ids('application_documents', s.appA.id)).toEqual([]);
		expect(await ids('application_answers', s.draftA.id)).toEqual(answersElsewhere);
		expect(answersElsewhere).toEqual([s.secondChallenge.requirementIds[0]]);
		expect(req1).not.toBe(req2);
	});
});
