import { TELL } from '$lib/realtime/protocol';
import type { Notifier } from '../notifier';
import { audiences, tell } from './say';
import { disconnectSession, disconnectUser, newestServer } from './sessions';

/**
 * The notifier the capabilities get once socket.io runs (attachRealtime sets it): ends
 * sockets on every instance, and tells the boards of a workshop what changed, through
 * the gate like everything else a socket sends.
 */
export const socketNotifier: Notifier = {
	sessionEnded: disconnectSession,
	sessionsEnded: (userId, keepSessionId) =>
		disconnectUser(userId, 'session_ended', { exceptSession: keepSessionId }),
	accessChanged: (userId) => disconnectUser(userId, 'access_changed'),
	workshopStatus: (boardIds, change) => {
		const io = newestServer();
		if (io && boardIds.length) tell(io, audiences.boards(boardIds), TELL.status, change);
	},
	announced: (boardIds, announcement) => {
		const io = newestServer();
		if (io && boardIds.length)
			tell(io, audiences.boards(boardIds), TELL.announcement, announcement);
	}
};
