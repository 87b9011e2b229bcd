import { beforeAll, describe, expect, it } from 'vitest';
import { lateAttempts } from '../../src/lib/server/applications/late-attempts';
import { getSubmitted } from '../../src/lib/server/applications/screening';
import {
	answerQuestion,
	askQuestion,
	editQuestionWording,
	wordingEdits
} from '../../src/lib/server/challenges/questions';
import { describeEachDatabase } from './databases';
import { createScreeningScenario, type ScreeningScenario } from './screening-fixtures';

/** Issue 12, Owner: questions edited on the record, late attempts kept, documents seen. */
describeEachDatabase('owner decides on the record', (db) => {
	let s: ScreeningScenario;

	beforeAll(async () => {
		s = await createScreeningScenario(db());
	});

	describe('question wording', () => {
		let question: string;
		const asked = 'Can Acme Oy (Matti Meikäläinen) join with our secret sauce?';

		beforeAll(async () => {
			const result = await db().as(s.outsider, (tx) => askQuestion(tx, s.challenge.id, asked));
			if (!result.ok) throw new Error('question refused');
			question = result.id;
		});

		it('the owner edits the wording before answering; the original is kept with who and when', async () => {
			const edited = 'Can a company join with its own technology?';
			expect(
				await db().as(s.owner, (tx) => editQuestionWording(tx, s.challenge.id, question, edited))
			).toBe('edited');
			const edits = await db().as(s.owner, (tx) => wordingEdits(tx, s.challenge.id, [question]));
			expect(edits).toHaveLength(1);
			expect(edits[0]).toMatchObject({
				questionId: question,
				original: asked,
				edited,
				editorName: 'Olga Owner'
			});
			expect(edits[0].editedAt).toBeInstanceOf(Date);
			// The public reads the edited wording once answered, never the original.
			expect(
				await db().as(s.owner, (tx) => answerQuestion(tx, s.challenge.id, question, 'Yes.'))
			).toBe('answered');
			const rows = await db().as(null, (tx) =>
				tx.query<{ body: string }>('select body from public.challenge_questions where id = $1', [
					question
				])
			);
			expect(rows).toEqual([{ body: edited }]);
			await expect(
				db().as(null, (tx) => tx.query('select 1 from public.question_wording_edits'))
			).rejects.toThrow(/permission denied/);
		});

		it('refuses blank wording, an answered question and anyone outside the dialogue', async () => {
			const other = await db().as(s.outsider, (tx) =>
				askQuestion(tx, s.challenge.id, 'Another question?')
			);
			if (!other.ok) throw new Error('question refused');
			expect(
				await db().as(s.owner, (tx) => editQuestionWording(tx, s.challenge.id, other.id, '  \n '))
			).toBe('invalid');
			expect(
				await db().as(s.owner, (tx) =>
					editQuestionWording(tx, s.challenge.id, other.id, 'x'.repeat(2001))
				)
			).toBe('invalid');
			expect(
				await db().as(s.owner, (tx) =>
					editQuestionWording(tx, s.challenge.id, other.id, 'Another question?')
				)
			).toBe('unchanged');
			expect(
				await db().as(s.owner, (tx) => editQuestionWording(tx, s.challenge.id, question, 'Later?'))
			).toBe('answered');
			for (const who of [s.otherOwner, s.lead, s.outsider]) {
				expect(
					await db().as(who, (tx) => editQuestionWording(tx, s.challenge.id, other.id, 'Hijack'))
				).toBe('unknown');
				expect(await db().as(who, (tx) => wordingEdits(tx, s.challenge.id, [question]))).toEqual(
					[]
				);
			}
			// Another challenge's id with this question: unknown, nothing written.
			expect(
				await db().as(s.owner, (tx) =>
					editQuestionWording(tx, s.secondChallenge.id, other.id, 'Hijack')
				)
			).toBe('unknown');
			expect(
				await db().as(s.owner, (tx) => wordingEdits(tx, s.challenge.id, [question]))
			).toHaveLength(1);
		});
	});

	describe('late submission attempts', () => {
		const submit = (who: typeof s.lead) =>
			db().as(who, async (tx) => {
				const [{ version }] = await tx.query<{ version: number }>(
					'select version from public.applications where id = $1',
					[s.draftA.id]
				);
				const [{ outcome }] = await tx.query<{ outcome: string }>(
					'select public.submit_application($1, $2) as outcome',
					[s.draftA.id, version]
				);
				return outcome;
			});

		it('before the period opens a refusal records nothing', async () => {
			await db().service('test: not yet open', (tx) =>
				tx.query(
					`update public.challenge_stages set starts_at = now() + interval '1 day',
					   ends_at = now() + interval '10 days'
					 where challenge_id = $1 and stage = 'applications'`,
					[s.secondChallenge.id]
				)
			);
			expect(await submit(s.lead)).toBe('closed');
			expect(await db().as(s.owner, (tx) => lateAttempts(tx, s.secondChallenge.id))).toEqual([]);
		});

		it('after the deadline the refusal is recorded: who, when, how late, by the database clock', async () => {
			await db().service('test: deadline passed', (tx) =>
				tx.query(
					`update public.challenge_stages set starts_at = now() - interval '10 days',
					   ends_at = now() - interval '90 minutes'
					 where challenge_id = $1 and stage = 'applications'`,
					[s.secondChallenge.id]
				)
			);
			expect(await submit(s.lead)).toBe('closed');
			// The same person again within a minute: one attempt.
			expect(await submit(s.lead)).toBe('closed');
			expect(await submit(s.member)).toBe('closed');
			const seen = await db().as(s.owner, (tx) => lateAttempts(tx, s.secondChallenge.id));
			expect(seen.map((a) => a.attemptedByName).sort()).toEqual(['Leo Lead', 'Maija Member']);
			for (const a of seen) {
				expect(a.teamName).toBeTruthy();
				expect(a.lateBySeconds).toBeGreaterThanOrEqual(90 * 60);
				expect(a.lateBySeconds).toBeLessThan(100 * 60);
				expect(
					Math.abs((a.attemptedAt.getTime() - a.deadline.getTime()) / 1000 - a.lateBySeconds)
				).toBeLessThan(1);
			}
			// Still a draft: a late attempt changes nothing else.
			const [app] = await db().as(s.lead, (tx) =>
				tx.query<{ status: string }>('select status from public.applications where id = $1', [
					s.draftA.id
				])
			);
			expect(app.status).toBe('draft');
			// The team that tried sees its own attempts; another organisation or team nothing.
			expect(await db().as(s.member, (tx) => lateAttempts(tx, s.secondChallenge.id))).toHaveLength(
				2
			);
			for (const who of [s.otherOwner, s.otherTeam, s.outsider]) {
				expect(await db().as(who, (tx) => lateAttempts(tx, s.secondChallenge.id))).toEqual([]);
			}
			// Nobody writes one directly.
			await expect(
				db().as(s.lead, (tx) =>
					tx.query(
						`insert into public.late_submission_attempts (challenge_id, team_name, attempted_by_name, deadline)
						 values ($1, 'x', 'x', now() - interval '1 day')`,
						[s.secondChallenge.id]
					)
				)
			).rejects.toThrow();
		});
	});

	describe('documents', () => {
		it('the reviewer reads every document the team sent, other documents included', async () => {
			const app = await db().as(s.owner, (tx) => getSubmitted(tx, s.challenge.id, s.appA.id));
			const sent = await db().service('test: documents', (tx) =>
				tx.query<{ name: string }>(
					'select file_name as name from public.application_documents where application_id = $1',
					[s.appA.id]
				)
			);
			expect(sent.length).toBeGreaterThan(0);
			expect(app?.snapshot.documents.map((d) => d.fileName).sort()).toEqual(
				sent.map((d) => d.name).sort()
			);
		});
	});
});
