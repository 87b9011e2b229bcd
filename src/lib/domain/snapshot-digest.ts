// How a team checks the digest on its receipt. The database computes it inside
// public.submit_application as SHA-256 of the UTF-8 bytes of `snapshot::text`, the text
// Postgres prints for a jsonb value. That text is canonical: object keys ordered by their
// length in bytes and then bytewise, ", " between items and ": " after keys, strings
// escaped as below, no other whitespace. These functions rebuild it from the parsed
// snapshot, so a digest can be checked without the database (or with any sha256 tool on
// /applications/<id>/snapshot.json, which serves exactly that text).
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

const encoder = new TextEncoder();

function compareKeys(a: string, b: string): number {
	const x = encoder.encode(a);
	const y = encoder.encode(b);
	if (x.length !== y.length) return x.length - y.length;
	for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
}

const ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t'
};

function quote(s: string): string {
	let out = '"';
	for (const ch of s) {
		const code = ch.codePointAt(0)!;
		if (ch in ESCAPES) out += ESCAPES[ch];
		else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
		else out += ch;
	}
	return out + '"';
}

/**
 * The text Postgres prints for `value` as jsonb. Takes what JSON.parse gives (objects,
 * arrays, strings, finite numbers, booleans, null); numbers are printed as JavaScript
 * prints them, which matches Postgres for the integers a snapshot holds.
 */
export function jsonbText(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
	const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
		compareKeys(a, b)
	);
	return `{${entries.map(([k, v]) => `${quote(k)}: ${jsonbText(v)}`).join(', ')}}`;
}

/** SHA-256 (lower-case hex) of a snapshot's jsonb text: the digest on the receipt. */
export function snapshotDigest(snapshot: unknown): string {
	return encodeHexLowerCase(sha256(encoder.encode(jsonbText(snapshot))));
}
