import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it, vi } from 'vitest';

// Uploads go to a directory of this test's own (config reads DATA_DIR at import).
const dataDir = await vi.hoisted(async () => {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'talkoot-poc-files-'));
	process.env.DATA_DIR = dir;
	return dir;
});

const {
	addMilestone,
	attachEvidenceFile,
	detachEvidenceFile,
	findEvidenceFile,
	readConceptProof,
	stepMilestone
} = await import('../../src/lib/server/proofs-of-concept');
const { prepareDecision, publishDecision } = await import('../../src/lib/server/decisions');
const { attempt } = await import('./attempt');
const { describeEachDatabase } = await import('./databases');
const { createPartnerScenario } = await import('./poc-fixtures');
type Database = import('../../src/lib/server/db/database').Database;
type Principal = import('../../src/lib/server/db/database').Principal;

/**
 * Milestone evidence files (issue 14; supabase/migrations/20261208000200_poc_evidence_files.sql),
 * every call as `authenticated` with the user's claims: the partner attaches a PDF through
 * the shared upload path, both sides read and download it, nobody else sees it, and the
 * files close with the milestone's acceptance and with the go / no-go decision — each
 * attachment and removal on the milestone's record.
 */
const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pdf = (name = 'pilot-report.pdf') => new File([PDF_BYTES], name, { type: 'application/pdf' });
const stored = () => {
	try {
		return readdirSync(join(dataDir, 'private-uploads')).sort();
	} catch {
		return [];
	}
};

/** The reason code a refused call gave (the hint), 'denied' for a privilege error, or 'ok'. */
async function refused(db: Database, who: Principal, run: (tx: never) => Promise<unknown>) {
	return db.as(who, run as never).then(
		() => 'ok',
		(e: { hint?: string; message: string }) =>
			e.hint || (/permission denied|row-level/.test(e.message) ? 'denied' : e.message)
	);
}
const hintOf = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { hint?: string; message: string }) =>
			e.hint || (/permission denied|row-level/.test(e.message) ? 'denied' : e.message)
	);

describeEachDatabase('proofs of concept: evidence files', (db) => {
	let s: Awaited<ReturnType<typeof createPartnerScenario>>;
	let milestoneA: string, milestoneB: string, fileId: string;

	const record = (milestone: string) =>
		db().service('test: the record', (tx) =>
			tx.query<{ step: string; fileName: string | null; from: string; to: string }>(
				`select step, file_name as "fileName", from_status as "from", to_status as "to"
				 from public.poc_milestone_events where milestone_id = $1 order by seq`,
				[milestone]
			)
		);
	const filesOf = (who: Principal, milestone: string) =>
		attempt(db(), who, 'select id from public.poc_evidence_files where milestone_id = $1', [
			milestone
		]);

	beforeAll(async () => {
		s = await createPartnerScenario(db());
		milestoneA = await db().as(s.lead, (tx) =>
			addMilestone(tx, s.conceptA, { title: 'Pilot with 20 clients', dueOn: '2027-03-31' })
		);
		milestoneB = await db().as(s.otherTeam, (tx) =>
			addMilestone(tx, s.conceptB, { title: 'Matching prototype', dueOn: '2027-04-30' })
		);
	});

	it('the partner attaches a PDF: stored, its row and record written by the database', async () => {
		const before = stored();
		const result = await attachEvidenceFile(db(), s.member, milestoneA, pdf());
		expect(result).toEqual({ ok: true });
		expect(stored().length).toBe(before.length + 1);
		const proof = await db().as(s.lead, (tx) => readConceptProof(tx, s.conceptA));
		const files = proof!.milestones[0].files;
		expect(files.map((f) => [f.fileName, f.mime])).toEqual([
			['pilot-report.pdf', 'application/pdf']
		]);
		fileId = files[0].id;
		const [row] = await db().service('test: audit', (tx) =>
			tx.query<{ by: string; at: Date | null }>(
				'select uploaded_by as by, uploaded_at as at from public.poc_evidence_files where id = $1',
				[fileId]
			)
		);
		expect(row.by).toBe(s.member.id);
		expect(row.at).not.toBeNull();
		expect((await record(milestoneA)).at(-1)).toEqual({
			step: 'attach',
			fileName: 'pilot-report.pdf',
			from: 'planned',
			to: 'planned'
		});
	});

	it('a file the checks refuse is answered 415 and nothing is written', async () => {
		const before = stored();
		const text = new File(['just text'], 'notes.txt', { type: 'text/plain' });
		const result = await attachEvidenceFile(db(), s.lead, milestoneA, text);
		expect(result).toMatchObject({ ok: false, status: 415 });
		expect(stored()).toEqual(before);
		expect(await filesOf(s.lead, milestoneA)).toBe(1);
	});

	it('RLS as authenticated: both sides read the file; the other partner and outsiders nothing', async () => {
		expect(await filesOf(s.lead, milestoneA)).toBe(1);
		expect(await filesOf(s.member, milestoneA)).toBe(1);
		expect(await filesOf(s.owner, milestoneA)).toBe(1);
		expect(await filesOf(s.otherTeam, milestoneA)).toBe(0);
		expect(await filesOf(s.outsider, milestoneA)).toBe(0);
		expect(await filesOf(s.otherOwner, milestoneA)).toBe(0);
		expect(await filesOf(null, milestoneA)).toBe('denied');
		// The download's look-up: the owner finds it, the other partner does not.
		expect(await db().as(s.owner, (tx) => findEvidenceFile(tx, s.conceptA, fileId))).toMatchObject({
			fileName: 'pilot-report.pdf'
		});
		expect(await db().as(s.otherTeam, (tx) => findEvidenceFile(tx, s.conceptA, fileId))).toBe(null);
		// No direct writes, even by the partner.
		expect(
			await attempt(
				db(),
				s.lead,
				"update public.poc_evidence_files set file_name = 'x.pdf' where id = $1 returning id",
				[fileId]
			)
		).toBe('denied');
		expect(
			await attempt(
				db(),
				s.lead,
				'delete from public.poc_evidence_files where id = $1 returning id',
				[fileId]
			)
		).toBe('denied');
	});

	it('only the partner attaches; bad input and someone else’s upload are refused', async () => {
		const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}.pdf`;
		const attach = (who: Principal, milestone: string, k: string, name = 'x.pdf') =>
			refused(db(), who, (tx: never) =>
				(tx as { query: (s: string, p: unknown[]) => Promise<unknown> }).query(
					'select public.poc_attach_file($1, $2, $3, $4, $5)',
					[milestone, k, name, 'application/pdf', 100]
				)
			);
		expect(await attach(s.owner, milestoneA, key(1))).toBe('poc_not_partner');
		expect(await attach(s.otherTeam, milestoneA, key(2))).toBe('poc_unknown');
		expect(await attach(s.outsider, milestoneA, key(3))).toBe('poc_unknown');
		expect(await attach(s.lead, milestoneA, 'not-a-key.exe')).toBe('poc_file_invalid');
		expect(await attach(s.lead, milestoneA, key(4), '   ')).toBe('poc_file_invalid');
		// team B's upload, claimed by its member, cannot be attached by team A.
		expect(await attach(s.otherTeam, milestoneB, key(5))).toBe('ok');
		expect(await attach(s.lead, milestoneA, key(5))).toBe('denied');
		expect(await filesOf(s.lead, milestoneA)).toBe(1);
	});

	it('removing a file is on the record; its stored file goes', async () => {
		const result = await attachEvidenceFile(db(), s.lead, milestoneA, pdf('draft.pdf'));
		expect(result.ok).toBe(true);
		const proof = await db().as(s.lead, (tx) => readConceptProof(tx, s.conceptA));
		const draft = proof!.milestones[0].files.find((f) => f.fileName === 'draft.pdf')!;
		const before = stored();
		expect(await detachEvidenceFile(db(), s.owner, draft.id).catch((e) => e.hint)).toBe(
			'poc_not_partner'
		);
		expect(await detachEvidenceFile(db(), s.lead, draft.id)).toBe(true);
		expect(stored().length).toBe(before.length - 1);
		expect((await record(milestoneA)).at(-1)).toMatchObject({
			step: 'detach',
			fileName: 'draft.pdf'
		});
	});

	it('refused after acceptance: no file added or removed, nothing written', async () => {
		await db().as(s.lead, (tx) =>
			stepMilestone(tx, milestoneA, 'deliver', { evidence: 'Report attached.' })
		);
		await db().as(s.owner, (tx) =>
			stepMilestone(tx, milestoneA, 'accept', { reason: 'The report shows it.' })
		);
		const before = stored();
		const events = (await record(milestoneA)).length;
		expect(await hintOf(attachEvidenceFile(db(), s.lead, milestoneA, pdf('late.pdf')))).toBe(
			'poc_accepted'
		);
		expect(await hintOf(detachEvidenceFile(db(), s.lead, fileId))).toBe('poc_accepted');
		expect(stored()).toEqual(before);
		expect(await filesOf(s.lead, milestoneA)).toBe(1);
		expect((await record(milestoneA)).length).toBe(events);
		// Not even the definer path past the function: the guard holds for every writer.
		expect(
			await hintOf(
				db().service('test: past the function', (tx) =>
					tx.query('delete from public.poc_evidence_files where id = $1', [fileId])
				)
			)
		).toBe('poc_accepted');
	});

	it('refused after the go / no-go decision is published, on a milestone not accepted', async () => {
		const draft = await db().as(s.owner, (tx) =>
			prepareDecision(tx, s.challenge.id, 'proof_of_concept', {
				items: [
					{ itemKind: 'concept', item: s.conceptA, chosen: true, reason: 'Met.' },
					{ itemKind: 'concept', item: s.conceptB, chosen: false, reason: 'Too few clients.' }
				]
			})
		);
		await db().as(s.owner, (tx) => publishDecision(tx, draft));
		expect(await hintOf(attachEvidenceFile(db(), s.otherTeam, milestoneB, pdf()))).toBe(
			'poc_closed'
		);
		// Reading stays: both sides still read the accepted milestone's file.
		expect(await filesOf(s.owner, milestoneA)).toBe(1);
		expect(await filesOf(s.member, milestoneA)).toBe(1);
	});
});
