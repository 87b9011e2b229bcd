import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth/sessions';
import { announce, workshopBoards } from '../workshops/schedule';
import { log } from '../log';
import { TokenBucket } from './rate-limit';
import type { SessionCheck } from './sessions';

export const announceSchema = z
	.object({ workshopId: z.uuid(), body: z.string().trim().min(1).max(2000) })
	.strict();

type Ack = (reply: Record<string, unknown>) => void;

/**
 * `workshop:announce {workshopId, body}`: the facilitator tells every team at once. The
 * announcement is stored with its time (the record that all got the same words at the
 * same moment) and emitted as `workshop:announcement` to every board room of the workshop.
 */
export function handleAnnouncements(
	io: Server,
	socket: Socket,
	db: () => Promise<Database>,
	checkSession: SessionCheck
) {
	const user = socket.data.user as SessionUser;
	const bucket = new TokenBucket(5, 1);
	socket.on('workshop:announce', async (payload: unknown, ack: unknown) => {
		const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
		if (!bucket.take()) return reply({ ok: false, error: 'rate_limited' });
		const parsed = announceSchema.safeParse(payload);
		if (!parsed.success) return reply({ ok: false, error: 'invalid_payload' });
		const { workshopId, body } = parsed.data;
		try {
			if (!(await checkSession(reply))) return;
			const stored = await (
				await db()
			).as(user, async (tx) => {
				const [found] = await tx.query<{ role: string | null; open: boolean }>(
					'select private.workshop_role($1) as role, private.workshop_open($1) as open',
					[workshopId]
				);
				if (found?.role !== 'facilitator') return 'forbidden';
				// An ended workshop is the record: nothing more is said in it.
				if (!found.open) return 'workshop_ended';
				const row = await announce(tx, workshopId, body);
				return { row, boards: await workshopBoards(tx, workshopId) };
			});
			if (typeof stored === 'string') return reply({ ok: false, error: stored });
			const announcement = {
				workshopId,
				id: stored.row.id,
				body,
				at: new Date(stored.row.at).getTime()
			};
			io.to(stored.boards.map((b) => `board:${b.id}`)).emit('workshop:announcement', announcement);
			reply({ ok: true, announcement });
		} catch (err) {
			log.error({ err }, 'announcement failed');
			reply({ ok: false, error: 'unavailable' });
		}
	});
}
