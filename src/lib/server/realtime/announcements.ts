import { ASK } from '$lib/realtime/protocol';
import { announceToWorkshop } from '../workshops/schedule';
import { refused, type Connection } from './listen';
import { TokenBucket } from './rate-limit';

/**
 * `workshop:announce {workshopId, body, lang}`: the facilitator tells every team at once
 * (announceToWorkshop stores it and tells every board of the workshop).
 */
export function handleAnnouncements(c: Connection) {
	const bucket = new TokenBucket(5, 1);
	c.on(ASK.announce, { bucket }, async ({ workshopId, body, lang }) => {
		if (!(await c.sessionAlive())) return refused('session_ended');
		const said = await announceToWorkshop(await c.db(), c.user, workshopId, body, lang ?? null);
		return said.ok ? said : refused(said.code);
	});
}
