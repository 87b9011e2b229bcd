import type { Announcement, TELL, Told } from '$lib/realtime/protocol';

/**
 * What the capability modules tell the live layer once a change is committed. The
 * capabilities call `notifier()`; which notifier that is is set once, when socket.io
 * starts (attachRealtime, from server.js or the dev server), so that neither routes nor
 * capabilities import the socket layer. Until then (tests without sockets, scripts)
 * nothing is told. Every method returns at once and never throws.
 */
export interface Notifier {
	/** A session ended (signed out, ended from the sessions page, replaced at sign-in): its sockets close. */
	sessionEnded(sessionId: string): void;
	/**
	 * Every session of the user ended but `keepSessionId` (the caller's own): after a
	 * password change, a reset or a new second factor. Their other sockets close.
	 */
	sessionsEnded(userId: string, keepSessionId?: string): void;
	/** The user's rights changed (team, organisation): their sockets close and the pages load again. */
	accessChanged(userId: string): void;
	/** A workshop started or ended: everyone on its boards loads the page again. */
	workshopStatus(boardIds: string[], change: Told[typeof TELL.status]): void;
	/** The facilitator's announcement, to every board of the workshop. */
	announced(boardIds: string[], announcement: Announcement): void;
}

const silent: Notifier = {
	sessionEnded: () => {},
	sessionsEnded: () => {},
	accessChanged: () => {},
	workshopStatus: () => {},
	announced: () => {}
};

let current: Notifier = silent;

/** Sets the notifier the capabilities use from now on (the socket layer's, at its start). */
export function setNotifier(next: Notifier) {
	current = next;
}

/** The notifier to tell after a committed change. */
export const notifier = (): Notifier => current;
