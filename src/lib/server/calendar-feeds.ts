import type { Queryable } from './db';
import { generateToken } from './auth/tokens';

/** The caller's personal feed token, if they have made one (RLS: their own row only). */
export async function getFeedToken(tx: Queryable): Promise<string | null> {
	const [row] = await tx.query<{ token: string }>('select token from public.calendar_feeds');
	return row?.token ?? null;
}

/** Makes a new secret address for the caller's feed; an old address stops working. */
export async function renewFeedToken(tx: Queryable): Promise<string> {
	const token = generateToken();
	await tx.query(
		`insert into public.calendar_feeds (token) values ($1)
		 on conflict (user_id) do update set token = excluded.token`,
		[token]
	);
	return token;
}
