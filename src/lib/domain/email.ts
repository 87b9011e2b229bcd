/**
 * Email addresses in one canonical form (issue 11, item 10): `nimi@äänekoski.fi` was
 * refused as malformed. An internationalised domain is accepted, typed in Unicode or as
 * its ASCII (`xn--`) form, and kept as people read it: the domain mapped by UTS #46 (NFC,
 * lower case, full-width dots …) as browsers do, in Unicode; the local part in lower case
 * and ASCII, as before (SMTPUTF8 mailboxes are not accepted). Nodemailer writes the domain
 * in ASCII when it sends. Every email field (sign-up, sign-in, reset, team and workshop
 * invitations, organisation members, contact addresses) goes through `canonicalEmail`.
 */

/** SMTP's limit on a path, counted in the domain's ASCII form (RFC 5321, 4.5.3.1.3). */
export const EMAIL_MAX_LENGTH = 254;

// The local part as zod's z.email() takes it: no leading, trailing or double dot.
const LOCAL_PART = /^(?!\.)(?!.*\.\.)[a-z0-9_'+\-.]*[a-z0-9_+-]$/;
// Before mapping: letters, marks and digits of any script, hyphens and the dots UTS #46
// maps to "." (ideographic and full-width ones); nothing a URL would read as a delimiter.
const DOMAIN_INPUT = /^[\p{L}\p{M}\p{N}\-.\u3002\uff0e\uff61]+$/u;
// After mapping: letter-digit-hyphen labels of at most 63, a top-level label that is
// letters or an A-label (so never an IPv4 address).
const ASCII_DOMAIN =
	/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A domain by UTS #46 (the WHATWG URL host parser every browser and Node share) in its
 * ASCII and its Unicode form, or null when it is not a domain name a mailbox can have:
 * `ÄÄNEKOSKI.fi` → `xn--nekoski-4waa.fi` and `äänekoski.fi`. No label starts or ends
 * with a hyphen, in either form (the parser itself does not check that).
 */
export function canonicalDomain(domain: string): { ascii: string; unicode: string } | null {
	if (!DOMAIN_INPUT.test(domain)) return null;
	const ascii = hostOf(domain);
	if (ascii === null || !ASCII_DOMAIN.test(ascii)) return null;
	const labels = ascii.split('.').map(labelToUnicode);
	if (labels.some((l) => l === null || l === '' || l.startsWith('-') || l.endsWith('-')))
		return null;
	const unicode = labels.join('.');
	// A-labels must be what the parser makes of their Unicode: nothing else is canonical.
	// (A made-up A-label may decode to text the parser refuses: that is not canonical either.)
	if (!DOMAIN_INPUT.test(unicode) || hostOf(unicode) !== ascii) return null;
	return { ascii, unicode };
}

/** The WHATWG URL parser's ASCII host for `domain`, or null when it refuses the host. */
function hostOf(domain: string): string | null {
	try {
		return new URL(`http://${domain}/`).hostname;
	} catch {
		return null;
	}
}

/**
 * The canonical form of an email address, or null when it is not one we accept: trimmed,
 * the local part in lower case, the domain in Unicode after UTS #46
 * (`Nimi@ÄÄNEKOSKI.FI`, `nimi@xn--nekoski-4waa.fi` → `nimi@äänekoski.fi`). At most
 * `EMAIL_MAX_LENGTH` characters with the domain in ASCII.
 */
export function canonicalEmail(input: string): string | null {
	const address = input.trim();
	const at = address.lastIndexOf('@');
	if (at < 1) return null;
	const local = address.slice(0, at).toLowerCase();
	const domain = canonicalDomain(address.slice(at + 1));
	if (!domain || local.length > 64 || !LOCAL_PART.test(local)) return null;
	if (local.length + 1 + domain.ascii.length > EMAIL_MAX_LENGTH) return null;
	return `${local}@${domain.unicode}`;
}

/**
 * Whether `input` would be an address we accept but for letters outside ASCII before its
 * last @ ("jürgen@example.fi" → true, "jurgen@example.fi" → false): the one refusal of
 * `canonicalEmail` a person cannot see from the address's form, so it is told apart.
 */
export function hasNonAsciiLocalPart(input: string): boolean {
	const address = input.trim();
	const at = address.lastIndexOf('@');
	if (at < 1 || !/\P{ASCII}/u.test(address.slice(0, at))) return false;
	const asAscii =
		address
			.slice(0, at)
			.normalize('NFD')
			.replace(/\P{ASCII}/gu, '') || 'x';
	return canonicalEmail(`${asAscii}${address.slice(at)}`) !== null;
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
	delta = first ? Math.floor(delta / 700) : delta >> 1;
	delta += Math.floor(delta / points);
	let k = 0;
	while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
		delta = Math.floor(delta / (BASE - T_MIN));
		k += BASE;
	}
	return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + 38));
}

/**
 * One label back from its A-label (`xn--nekoski-4waa` → `äänekoski`) by RFC 3492's
 * decoding; other labels unchanged; null when the A-label is not valid Punycode (the URL
 * parser passes `xn--zz` on as it is).
 */
function labelToUnicode(label: string): string | null {
	if (!label.startsWith('xn--')) return label;
	const input = label.slice(4);
	const basic = Math.max(0, input.lastIndexOf('-'));
	const output = Array.from(input.slice(0, basic), (c) => c.codePointAt(0)!);
	let n = 128;
	let bias = 72;
	let i = 0;
	for (let pos = basic > 0 ? basic + 1 : 0; pos < input.length;) {
		const oldI = i;
		for (let w = 1, k = BASE; ; k += BASE) {
			if (pos >= input.length) return null;
			const c = input.charCodeAt(pos++);
			const digit = c >= 48 && c <= 57 ? c - 22 : c >= 97 && c <= 122 ? c - 97 : -1;
			if (digit < 0) return null;
			i += digit * w;
			const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
			if (digit < t) break;
			w *= BASE - t;
			if (i > 0x10ffff * 64) return null;
		}
		bias = adapt(i - oldI, output.length + 1, oldI === 0);
		n += Math.floor(i / (output.length + 1));
		i %= output.length + 1;
		if (n > 0x10ffff) return null;
		output.splice(i++, 0, n);
	}
	return String.fromCodePoint(...output);
}
