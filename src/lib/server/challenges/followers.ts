import type { Queryable } from '../db';

export async function follow(tx: Queryable, challengeId: string) {
	await tx.query(
		'insert into public.challenge_followers (challenge_id) values ($1) on conflict do nothing',
		[challengeId]
	);
}

export async function unfollow(tx: Queryable, challengeId: string) {
	await tx.query(
		'delete from public.challenge_followers where challenge_id = $1 and user_id = auth.uid()',
		[challengeId]
	);
}
