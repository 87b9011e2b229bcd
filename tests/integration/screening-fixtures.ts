import type { Database } from '../../src/lib/server/db/database';
import type { SessionUser } from '../../src/lib/server/auth/sessions';
import { saveDraft, startApplication } from '../../src/lib/server/applications/editor';
import { submitApplication } from '../../src/lib/server/applications/submit';
import { saveScreening } from '../../src/lib/server/applications/screening';
import { attachDocument } from '../../src/lib/server/evidence';
import { addTeamProject } from '../../src/lib/server/teams';
import { addWorkEntry } from '../../src/lib/server/work-history';
import { createOpenChallenge, createTeamWith } from './application-fixtures';
import { createOrganisation, createUser } from './fixtures';

type User = { id: string; email: string };

export const asSession = (u: User): SessionUser => ({
	id: u.id,
	email: u.email,
	displayName: '',
	locale: 'en',
	isAdmin: false,
	memberships: 0
});

const fileKey = () => `${crypto.randomUUID()}.pdf`;

function work(area: string, start: string, end: string | null) {
	const entry = { area, otherArea: '', organisation: 'Acme Oy', role: 'Developer', start, end };
	return {
		...entry,
		ongoing: end === null,
		description: '',
		evidenceUrl: 'https://example.fi/proof'
	};
}

/** A draft with `ideaTitles.length` complete ideas and a yes to every requirement, then submitted. */
export async function submitted(
	db: Database,
	lead: User,
	challenge: { id: string; requirementIds: string[] },
	teamId: string,
	ideaTitles: string[]
) {
	const started = await db.as(lead, (tx) => startApplication(tx, challenge.id, teamId));
	if (!started.ok) throw new Error(`could not start: ${started.reason}`);
	const id = started.id;
	const saved = await db.as(lead, (tx) =>
		saveDraft(tx, id, {
			version: 1,
			ideas: ideaTitles.map((title, i) => ({
				position: i + 1,
				title,
				problem: 'Job seekers and employers miss each other.',
				idea: 'A matching assistant.',
				value: 'Faster employment.'
			})),
			answers: challenge.requirementIds.map((requirementId) => ({
				requirementId,
				meets: true,
				explanation: 'Insured with Example Mutual.'
			}))
		})
	);
	if (!saved.ok) throw new Error(`could not save: ${saved.reason}`);
	await db.as(lead, (tx) =>
		attachDocument(tx, id, challenge.requirementIds[0], {
			key: fileKey(),
			name: 'insurance.pdf',
			mime: 'application/pdf',
			size: 1000
		})
	);
	const outcome = await submitApplication(db, asSession(lead), id, saved.version);
	if (outcome !== 'submitted') throw new Error(`could not submit: ${outcome}`);
	return { id };
}

/**
 * Everything the applications' row-level security and screening touch:
 * - an organisation whose `owner` has an open `challenge`, and another organisation's owner;
 * - team A (`lead`, `member`) with work history, a common project, an open invitation,
 *   a submitted application `appA` (3 ideas, 2 answers, a document; both requirements
 *   marked met and found eligible) and a draft `draftA` to a second challenge;
 * - team B (`otherTeam`) with a submitted application `appB`, one requirement marked, undecided;
 * - an `outsider`; and `lateEntry`, work history the member added after submitting.
 */
export async function createScreeningScenario(db: Database) {
	const owner = await createUser(db, 'Olga Owner');
	const otherOwner = await createUser(db, 'Otto Other');
	const lead = await createUser(db, 'Leo Lead');
	const member = await createUser(db, 'Maija Member');
	const otherTeam = await createUser(db, 'Bea Bteam');
	const outsider = await createUser(db, 'Oona Outsider');
	const org = await createOrganisation(db, owner.id);
	await createOrganisation(db, otherOwner.id);
	const challenge = await createOpenChallenge(db, org.id);
	const secondChallenge = await createOpenChallenge(db, org.id);
	const spareChallenge = await createOpenChallenge(db, org.id);
	const teamA = await createTeamWith(db, lead.id, [member.id]);
	const teamB = await createTeamWith(db, otherTeam.id);

	const leadEntry = await db.as(lead, (tx) =>
		addWorkEntry(tx, work('software_development', '2023-01', '2024-06'), null)
	);
	const memberEntry = await db.as(member, (tx) =>
		addWorkEntry(tx, work('service_design', '2022-03', null), null)
	);
	const common = { start: '2023-05', end: '2024-01', description: '', evidenceUrl: '' };
	const project = await db.as(lead, (tx) =>
		addTeamProject(
			tx,
			teamA.id,
			{ ...common, title: 'Matching pilot', memberIds: [lead.id, member.id] },
			null
		)
	);
	const soloProject = await db.service('test fixture: solo project', async (tx) => {
		const [row] = await tx.query<{ id: string }>(
			`insert into public.team_projects (team_id, title, start_month, created_by)
			 values ($1, 'Lead alone so far', '2024-01-01', $2) returning id`,
			[teamA.id, lead.id]
		);
		await tx.query('insert into public.team_project_members values ($1, $2)', [row.id, lead.id]);
		return row.id;
	});
	await db.service('test fixture: invitation', (tx) =>
		tx.query(
			`insert into public.team_invitations (team_id, email, token_hash, invited_by)
			 values ($1, 'new@test.example', $2, $3)`,
			[teamA.id, 'a'.repeat(64), lead.id]
		)
	);

	const appA = await submitted(db, lead, challenge, teamA.id, [
		'=HYPERLINK("http://evil.example","Click")',
		'Second idea',
		'Third, with "quotes"'
	]);
	const appB = await submitted(db, otherTeam, challenge, teamB.id, ['B one', 'B two', 'B three']);

	const draftStart = await db.as(lead, (tx) => startApplication(tx, secondChallenge.id, teamA.id));
	if (!draftStart.ok) throw new Error('could not start the draft');
	const draftA = { id: draftStart.id };
	await db.as(lead, async (tx) => {
		await saveDraft(tx, draftA.id, {
			version: 1,
			ideas: [{ position: 1, title: 'Draft idea', problem: '', idea: '', value: '' }],
			answers: [{ requirementId: secondChallenge.requirementIds[0], meets: true, explanation: '' }]
		});
		await attachDocument(tx, draftA.id, null, {
			key: fileKey(),
			name: 'draft.pdf',
			mime: 'application/pdf',
			size: 10
		});
	});

	const [req1, req2] = challenge.requirementIds;
	await db.as(owner, (tx) =>
		saveScreening(tx, appA.id, {
			marks: [
				{ requirementId: req1, met: true, reason: '' },
				{ requirementId: req2, met: true, reason: '' }
			],
			decision: { eligible: true, justification: 'Meets every minimum requirement.' }
		})
	);
	await db.as(owner, (tx) =>
		saveScreening(tx, appB.id, {
			marks: [{ requirementId: req1, met: false, reason: 'No insurance.' }],
			decision: null
		})
	);

	const lateEntry = await db.as(member, (tx) =>
		addWorkEntry(tx, work('software_development', '2024-07', null), null)
	);

	return {
		owner,
		otherOwner,
		lead,
		member,
		otherTeam,
		outsider,
		org,
		challenge,
		secondChallenge,
		spareChallenge,
		teamA,
		teamB,
		leadEntry,
		memberEntry,
		lateEntry,
		project: project!,
		soloProject,
		appA,
		appB,
		draftA
	};
}
export type ScreeningScenario = Awaited<ReturnType<typeof createScreeningScenario>>;
