import { DEFAULT_AGENDA } from '../../src/lib/domain/board';
import type { Database } from '../../src/lib/server/db/database';
import type { Queryable } from '../../src/lib/server/db';
import { scheduleWorkshop, workshopBoards } from '../../src/lib/server/workshops/schedule';
import { createOrganisation, createUser } from './fixtures';
import { createOpenChallenge, createTeamWith } from './application-fixtures';

export type User = { id: string; email: string };

/**
 * A screening decision on an application, as the owner would record it: an insert into
 * the view public.screening_decisions records a decision, correcting an earlier one.
 */
export async function markEligible(
	tx: Queryable,
	applicationId: string,
	ownerId: string,
	eligible: boolean
) {
	await tx.query(
		`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
		 values ($1, $2, 'Test fixture', $3)`,
		[applicationId, eligible, ownerId]
	);
}

/**
 * A facilitator, an owner and a member of the owner's staff (not invited: observes), two
 * teams that applied and one that did not.
 */
export async function workshopWorld(db: Database) {
	const facilitator = await createUser(db, 'Fiia Facilitator');
	const owner = await createUser(db, 'Olli Owner');
	const staff = await createUser(db, 'Sari Staff');
	const [a1, a2, b1, c1, outsider] = await Promise.all(
		['Anna A', 'Aaro A', 'Bea B', 'Cecilia C', 'Otto Outsider'].map((n) => createUser(db, n))
	);
	const org = await createOrganisation(db, owner.id, [staff.id]);
	// Applications closed an hour ago: screened after the deadline, as procurement wants.
	const challenge = await createOpenChallenge(db, org.id, {
		deadline: new Date(Date.now() - 3600_000)
	});
	const teamA = await createTeamWith(db, a1.id, [a2.id]);
	const teamB = await createTeamWith(db, b1.id);
	const teamC = await createTeamWith(db, c1.id);
	await db.service('test fixture: facilitator and applications', async (tx) => {
		await tx.query('insert into public.platform_facilitators (user_id) values ($1)', [
			facilitator.id
		]);
		for (const team of [teamA, teamB]) {
			const [app] = await tx.query<{ id: string }>(
				`insert into public.applications (challenge_id, team_id, status, submitted_at, digest, snapshot)
				 values ($1, $2, 'submitted', now(), repeat('a', 64), '{}') returning id`,
				[challenge.id, team.id]
			);
			// Found eligible at screening: only such teams can be put in a workshop.
			await markEligible(tx, app.id, owner.id, true);
		}
	});
	return { facilitator, owner, staff, a1, a2, b1, c1, outsider, challenge, teamA, teamB, teamC };
}

type World = Awaited<ReturnType<typeof workshopWorld>>;

/**
 * Schedules, as the facilitator, a shared workshop and a negotiation (a board per team) for
 * teams A and B, with these guests; returns the shared board and the teams' own boards.
 */
export async function scheduleWorkshops(
	db: Database,
	w: World,
	guests: { userId: string; kind: 'owner' | 'expert' }[] = []
) {
	const plan = {
		challengeId: w.challenge.id,
		title: 'Co-creation day',
		startsAt: new Date(),
		agenda: DEFAULT_AGENDA,
		teamIds: [w.teamA.id, w.teamB.id],
		guests
	};
	const sharedWorkshop = await db.as(w.facilitator, (tx) =>
		scheduleWorkshop(tx, { ...plan, mode: 'shared' })
	);
	const [{ id: shared }] = await db.as(w.facilitator, (tx) => workshopBoards(tx, sharedWorkshop));
	const negotiation = await db.as(w.facilitator, (tx) =>
		scheduleWorkshop(tx, { ...plan, mode: 'team_boards', title: 'Negotiation' })
	);
	const boards = await db.as(w.facilitator, (tx) => workshopBoards(tx, negotiation));
	const boardOf = (teamId: string) => boards.find((b) => b.teamId === teamId)!.id;
	return { shared, boardA: boardOf(w.teamA.id), boardB: boardOf(w.teamB.id) };
}
