import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { log } from '../log';

/**
 * The Redis streams adapter: rooms, presence and broadcasts span every app instance
 * connected to the same Redis. Ordering of board ops still comes from the database.
 */
export async function redisAdapter(
	url: string,
	httpServer: { once(e: 'close', f: () => void): unknown },
	// Instances that share a stream are one cluster.
	streamName = 'talkoot:socket.io'
) {
	const client = createClient({ url });
	client.on('error', (err) => log.error({ err }, 'redis'));
	await client.connect();
	// The connection lives as long as the server it serves, and a moment longer: closing
	// adapters still publish their goodbye through it.
	httpServer.once('close', () => {
		setTimeout(() => void client.quit().catch(() => {}), 1000).unref();
	});
	log.info('realtime: redis streams adapter');
	return createAdapter(client, { streamName });
}
