import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/**
 * The pure parts of the second factor: TOTP as RFC 6238 with the parameters every
 * authenticator app understands (SHA-1, 30 seconds, 6 digits), through @oslojs/otp.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes one step early or late are still taken: clocks of phones drift. */
export const TOTP_SKEW_STEPS = 1;
export const SECRET_BYTES = 20;
export const RECOVERY_CODE_COUNT = 10;

/** The time step (HOTP counter) a moment falls in. */
export const totpCounter = (nowMs: number): number =>
	Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/** The code of a time step: what an authenticator app shows then. */
export const totpCode = (secret: Uint8Array, counter: number): string =>
	generateHOTP(secret, BigInt(counter), TOTP_DIGITS);

/** What a person typed, without spaces or dashes; a TOTP code is six digits. */
export const normaliseCode = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();
export const isTotpShape = (code: string): boolean => /^\d{6}$/.test(code);

/**
 * The time step whose code `code` is, within the allowed skew of `nowMs`, and later than
 * `lastCounter` (the step of the last code accepted): so each code works once, and an
 * older one never after a newer. Null when it matches none. Compared in constant time.
 */
export function matchTotp(
	secret: Uint8Array,
	code: string,
	nowMs: number,
	lastCounter: number
): number | null {
	const typed = normaliseCode(code);
	if (!isTotpShape(typed)) return null;
	const now = totpCounter(nowMs);
	let found: number | null = null;
	for (let step = now - TOTP_SKEW_STEPS; step <= now + TOTP_SKEW_STEPS; step++) {
		if (step <= lastCounter) continue;
		if (constantTimeEqual(totpCode(secret, step), typed) && found === null) found = step;
	}
	return found;
}

function constantTimeEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

/** The secret as authenticator apps take it typed in: base32 without padding. */
export const secretText = (secret: Uint8Array): string => encodeBase32UpperCaseNoPadding(secret);

/**
 * A base32 secret (ours, or the one Supabase Auth's enroll() gives) in groups of four,
 * easier to read out and type: "ABCD EFGH …". Takes the text, returns it with spaces.
 */
export const groupInFours = (text: string): string => text.replace(/(.{4})(?=.)/g, '$1 ');

/** The secret in groups of four, easier to read out and type: "ABCD EFGH …". */
export const groupedSecret = (secret: Uint8Array): string => groupInFours(secretText(secret));

/** The `otpauth://totp/…` address an app opens (no QR code needed on the same device). */
export const totpUri = (issuer: string, account: string, secret: Uint8Array): string =>
	createTOTPKeyURI(issuer, account, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);

// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L).
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * Recovery codes: `count` codes of ten characters from a 31-letter alphabet (about 50
 * bits each), shown as "XXXXX-XXXXX". `random` fills a byte array (crypto.getRandomValues).
 */
export function recoveryCodes(
	random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array,
	count = RECOVERY_CODE_COUNT
): string[] {
	const codes: string[] = [];
	while (codes.length < count) {
		let code = '';
		while (code.length < 10) {
			const [byte] = random(new Uint8Array(1));
			// Rejection sampling keeps every letter equally likely.
			if (byte < 248) code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
		}
		codes.push(`${code.slice(0, 5)}-${code.slice(5)}`);
	}
	return codes;
}

/** A typed recovery code in the form it is hashed in ("XXXXXXXXXX"), or null if it is not one. */
export function recoveryCodeShape(input: string): string | null {
	const code = normaliseCode(input);
	return new RegExp(`^[${RECOVERY_ALPHABET}]{10}$`).test(code) ? code : null;
}
