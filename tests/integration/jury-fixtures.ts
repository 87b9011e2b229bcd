import type { Database, Principal } from '../../src/lib/server/db/database';
import { hashToken } from '../../src/lib/server/auth/tokens';

type User = { id: string; email: string };

/**
 * Appoints `juror` to a stage of a challenge the way the app will (issue 13): `chair`
 * calls public.jury_invite, the token is read from the mail it enqueued, and the juror
 * accepts it with public.jury_accept_invitation. Returns the juror's jury_members id.
 */
export async function appointJuror(
	db: Database,
	chair: User,
	challengeId: string,
	stage: 'shortlisting' | 'selection',
	juror: User
): Promise<string> {
	const token = await inviteJuror(db, chair, challengeId, stage, juror.email);
	const [accepted] = await db.as(juror, (tx) =>
		tx.query<{ outcome: string }>('select public.jury_accept_invitation($1) as outcome', [
			hashToken(token)
		])
	);
	if (accepted.outcome !== 'accepted') throw new Error(`juror not accepted: ${accepted.outcome}`);
	const [row] = await db.service('test fixture: juror id', (tx) =>
		tx.query<{ id: string }>(
			'select id from public.jury_members where challenge_id = $1 and stage = $2 and user_id = $3',
			[challengeId, stage, juror.id]
		)
	);
	return row.id;
}

/** Invites `email` as `chair` (public.jury_invite); returns the mailed token. */
export async function inviteJuror(
	db: Database,
	chair: User,
	challengeId: string,
	stage: string,
	email: string
): Promise<string> {
	await db.as(chair, (tx) =>
		tx.query('select public.jury_invite($1, $2, $3)', [challengeId, stage, email])
	);
	const [mail] = await db.service('test fixture: jury invitation mail', (tx) =>
		tx.query<{ path: string }>(
			`select params ->> 'path' as path from private.mail_outbox
			 where template = 'jury_invitation' and to_email = $1 order by id desc limit 1`,
			[email.toLowerCase()]
		)
	);
	return mail.path.split('/').pop()!;
}

/**
 * Readies a screening scenario's challenge for a shortlisting jury: team B found eligible
 * too (so both submitted applications are scored) and two criteria, Impact (30 points)
 * and Feasibility (10). Returns the criteria's ids in that order.
 */
export async function shortlistingCriteria(
	db: Database,
	s: { challenge: { id: string }; appB: { id: string }; owner: { id: string } }
): Promise<[string, string]> {
	return db.service('test fixture: jury criteria', async (tx) => {
		await tx.query(
			`insert into public.screening_decisions (application_id, eligible, justification, decided_by)
			 values ($1, true, 'Meets every minimum requirement', $2)`,
			[s.appB.id, s.owner.id]
		);
		const rows = await tx.query<{ id: string }>(
			`insert into public.challenge_criteria (challenge_id, stage, position, name, max_points)
			 values ($1, 'shortlisting', 1, '{"en": "Impact"}', 30),
			        ($1, 'shortlisting', 2, '{"en": "Feasibility"}', 10)
			 returning id`,
			[s.challenge.id]
		);
		return [rows[0].id, rows[1].id];
	});
}

/** The reason code a refused call gave (the hint of TK422 / 42501), or 'ok'. */
export async function refusal(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	try {
		await db.as(who, (tx) => tx.query(sql, params));
		return 'ok';
	} catch (e) {
		const err = e as { code?: string; hint?: string; message: string };
		return err.hint || err.code || err.message;
	}
}
