import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { attachRealtime } from '../../src/lib/server/realtime/attach';
import { sessionCookieName } from '../../src/lib/server/http/cookies';
import { createSession } from '../../src/lib/server/auth/sessions';
import type { Database } from '../../src/lib/server/db/database';
import type { User } from './workshop-fixtures';

/** Resolves when `check` holds, polling; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 5000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 20));
	}
}

export class Realtime {
	http!: HttpServer;
	origin!: string;
	sockets: Socket[] = [];

	io!: Awaited<ReturnType<typeof attachRealtime>>;

	async start(db: () => Database, port = 0, redis?: { url: string; stream: string }) {
		this.http = createServer();
		this.io = await attachRealtime(this.http, async () => db(), redis);
		await new Promise<void>((resolve) => this.http.listen(port, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
		return this;
	}

	async socketFor(db: Database, user: User, origin = this.origin, reconnection = false) {
		return (await this.sessionSocket(db, user, origin, reconnection)).socket;
	}

	/** A new session of the user and a socket opened with it; the session's cookie token too. */
	async sessionSocket(db: Database, user: User, origin = this.origin, reconnection = false) {
		const { token } = await db.service('test: session', (tx) => createSession(tx, user.id));
		return { socket: await this.socketWith(token, origin, reconnection), token };
	}

	/** A socket opened with this session token; rejects with the handshake's refusal. */
	async socketWith(token: string, origin = this.origin, reconnection = false) {
		const socket = connect(origin, {
			transports: ['websocket'],
			extraHeaders: { cookie: `${sessionCookieName(new URL(origin))}=${token}`, origin },
			reconnection,
			reconnectionDelay: 100,
			reconnectionDelayMax: 300
		});
		this.sockets.push(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		return socket;
	}

	/** Drops every connection at once (clients see the transport close and reconnect). */
	async stop() {
		await this.io.close();
	}
}
