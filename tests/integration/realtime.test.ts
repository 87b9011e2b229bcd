import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachRealtime } from '../../src/lib/server/realtime/attach';
import { sessionCookieName } from '../../src/lib/server/http/cookies';
import { createSession } from '../../src/lib/server/auth/sessions';
import { describeEachDatabase } from './databases';
import { createUser } from './fixtures';

describeEachDatabase('socket.io handshake and ping', (db) => {
	let http: HttpServer;
	let origin: string;
	let token: string;
	let userId: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		http = createServer();
		await attachRealtime(http, async () => db(), undefined);
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
		const user = await createUser(db(), 'Socket Person');
		userId = user.id;
		({ token } = await db().service('test', (tx) => createSession(tx, user.id)));
	});

	afterAll(async () => {
		for (const s of sockets) s.close();
		await new Promise((resolve) => http.close(resolve));
	});

	function open(headers: Record<string, string>): Socket {
		const socket = connect(origin, {
			transports: ['websocket'],
			extraHeaders: headers,
			reconnection: false,
			timeout: 5000
		});
		sockets.push(socket);
		return socket;
	}

	const connected = (socket: Socket) =>
		new Promise<string>((resolve) => {
			socket.on('connect', () => resolve('connected'));
			socket.on('connect_error', (err) => resolve(err.message));
		});

	it('a signed-in user connects with the session cookie and gets a pong', async () => {
		const cookie = `${sessionCookieName(new URL(origin))}=${token}`;
		const socket = open({ cookie, origin });
		expect(await connected(socket)).toBe('connected');
		const reply = await socket.timeout(5000).emitWithAck('ping', { sent: 42 });
		expect(reply).toMatchObject({ ok: true, userId, sent: 42 });
	});

	it('a malformed ping gets a clear error, and the connection keeps serving', async () => {
		const cookie = `${sessionCookieName(new URL(origin))}=${token}`;
		const socket = open({ cookie, origin });
		await connected(socket);
		expect(await socket.timeout(5000).emitWithAck('ping', { sent: 'soon', extra: 1 })).toEqual({
			ok: false,
			error: 'invalid_payload'
		});
		expect(await socket.timeout(5000).emitWithAck('ping', { sent: 1 })).toMatchObject({ ok: true });
	});

	it('refuses a connection without a valid session', async () => {
		expect(await connected(open({ origin }))).toBe('unauthorized');
		const forged = `${sessionCookieName(new URL(origin))}=${token.replace(/.$/, '0')}x`;
		expect(await connected(open({ cookie: forged, origin }))).toBe('unauthorized');
	});

	it('refuses a connection from another origin, even with a valid cookie', async () => {
		const cookie = `${sessionCookieName(new URL(origin))}=${token}`;
		const result = await connected(open({ cookie, origin: 'https://evil.example' }));
		expect(result).not.toBe('connected');
		expect(await connected(open({ cookie }))).not.toBe('connected');
	});
});
