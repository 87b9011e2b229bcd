import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';

/**
 * `__Host-` with Secure outside development. Browsers accept Secure cookies on
 * http://localhost, so `npm start` works locally; any other plain-http host is
 * treated as development-like to keep sign-in possible behind no TLS.
 */
export function secureContext(url: URL): boolean {
	if (dev) return false;
	return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export const sessionCookieName = (url: URL) =>
	secureContext(url) ? '__Host-talkoot_session' : 'talkoot_session';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secureContext(url),
		expires
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { path: '/', secure: secureContext(url) });
}

/** A sign-in waiting for its second-factor code: short-lived, like the session cookie otherwise. */
export const challengeCookieName = (url: URL) =>
	secureContext(url) ? '__Host-talkoot_sign_in' : 'talkoot_sign_in';

export function setChallengeCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
	cookies.set(challengeCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secureContext(url),
		expires
	});
}

export function clearChallengeCookie(cookies: Cookies, url: URL) {
	cookies.delete(challengeCookieName(url), { path: '/', secure: secureContext(url) });
}

/**
 * The browser that signed up: a nonce whose SHA-256 the verification token keeps, so the
 * mailed link opened here signs the person in (auth/accounts.ts, openVerificationLink).
 * As long-lived as the link.
 */
export const signUpCookieName = (url: URL) =>
	secureContext(url) ? '__Host-talkoot_sign_up' : 'talkoot_sign_up';

export function setSignUpCookie(cookies: Cookies, url: URL, nonce: string, expires: Date) {
	cookies.set(signUpCookieName(url), nonce, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secureContext(url),
		expires
	});
}

export function clearSignUpCookie(cookies: Cookies, url: URL) {
	cookies.delete(signUpCookieName(url), { path: '/', secure: secureContext(url) });
}

/** Paraglide reads this cookie (strategy "cookie"); it must stay readable by scripts. */
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

/**
 * Set beside the locale cookie when the person chose the language themself (the switcher,
 * their account page): Paraglide's own script writes the locale cookie on a first visit
 * with the browser's language, so the locale cookie alone does not tell a choice.
 */
export const LOCALE_CHOSEN_COOKIE = 'talkoot_locale_chosen';

const LOCALE_COOKIE_OPTIONS = { path: '/', sameSite: 'lax', maxAge: 400 * 24 * 3600 } as const;

/**
 * The page language the person chose (the switcher, also on the sign-in page; their
 * account page): the locale cookie, marked as their choice (LOCALE_CHOSEN_COOKIE).
 */
export function setLocaleCookie(cookies: Cookies, locale: string) {
	cookies.set(LOCALE_COOKIE, locale, { ...LOCALE_COOKIE_OPTIONS, httpOnly: false });
	cookies.set(LOCALE_CHOSEN_COOKIE, '1', { ...LOCALE_COOKIE_OPTIONS, httpOnly: true });
}

/**
 * After a sign-in (password, second factor or a verification link; in both modes, Supabase
 * mode's through applyProfileLocale in ./sign-in-locale.ts): the profile's
 * language becomes the page's unless the person chose one on this browser (issue 16,
 * item 3). Their choice wins on the pages they view; the profile's language is for mail
 * and the default. Takes the request's cookies and the profile's locale; sets the locale
 * cookie (not as a choice) or leaves it.
 */
export function adoptProfileLocale(cookies: Cookies, profileLocale: string) {
	if (cookies.get(LOCALE_CHOSEN_COOKIE) === '1') return;
	cookies.set(LOCALE_COOKIE, profileLocale, { ...LOCALE_COOKIE_OPTIONS, httpOnly: false });
}
