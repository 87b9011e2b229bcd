import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { isLocale } from '$lib/domain/locale';

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
 * After a sign-in (password, second factor or a verification link): the profile's
 * language becomes the page's only when this browser holds no choice of its own (issue
 * 16, item 3). A language chosen with the switcher (also on the sign-in page itself) wins
 * on the pages the person views; the profile's is for mail and the default. Takes the
 * request's cookies and the profile's locale; sets the cookie or leaves it.
 */
export function adoptProfileLocale(cookies: Cookies, profileLocale: string) {
	if (!isLocale(cookies.get(LOCALE_COOKIE))) setLocaleCookie(cookies, profileLocale);
}

/** The page language the person chose (the switcher, their account page), for a year and more. */
export function setLocaleCookie(cookies: Cookies, locale: string) {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		maxAge: 400 * 24 * 3600
	});
}
