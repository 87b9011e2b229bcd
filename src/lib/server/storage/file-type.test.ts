import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type';

const bytes = (...parts: (string | ArrayLike<number>)[]) =>
	Uint8Array.from(
		parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p)] : Array.from(p)))
	);

const PNG = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF');
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const GIF87 = bytes('GIF87a', [1, 0, 1, 0]);
const GIF89 = bytes('GIF89a', [1, 0, 1, 0]);
const PDF = bytes('%PDF-1.7\n');

// Independent of the implementation: the leading bytes each known type must have.
const KNOWN_PREFIXES = [
	PNG.slice(0, 8),
	JPEG.slice(0, 3),
	bytes('GIF8'),
	bytes('RIFF'),
	bytes('%PDF-')
];

describe('detectFileType', () => {
	it.each([
		['PNG', PNG, 'image/png', 'png'],
		['JPEG', JPEG, 'image/jpeg', 'jpg'],
		['WebP', WEBP, 'image/webp', 'webp'],
		['GIF87a', GIF87, 'image/gif', 'gif'],
		['GIF89a', GIF89, 'image/gif', 'gif'],
		['PDF', PDF, 'application/pdf', 'pdf']
	])('recognises %s', (_, file, mime, ext) => {
		expect(detectFileType(file)).toEqual({ mime, ext });
	});

	it.each([
		['a shell script saved as x.png', bytes('#!/bin/sh\nrm -rf /\n')],
		['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
		['SVG with an XML prolog', bytes('<?xml version="1.0"?><svg/>')],
		['HTML', bytes('<!doctype html><script>alert(1)</script>')],
		['a ZIP archive', bytes('PK', [3, 4, 20, 0])],
		['a RIFF file that is not WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
		['a GIF-like header with a bad version', bytes('GIF88a', [1, 0])],
		['PNG bytes that do not start at offset 0', bytes([0], PNG)],
		['an empty file', new Uint8Array()]
	])('refuses %s', (_, file) => {
		expect(detectFileType(file)).toBeNull();
	});

	it.each([
		['PNG', PNG.slice(0, 7)],
		['JPEG', JPEG.slice(0, 2)],
		['WebP', WEBP.slice(0, 11)],
		['GIF', GIF89.slice(0, 5)],
		['PDF', PDF.slice(0, 4)]
	])('refuses a truncated %s header', (_, file) => {
		expect(detectFileType(file)).toBeNull();
	});

	it('gives null for random bytes that do not start with a known signature', () => {
		const startsWithKnown = (data: Uint8Array) =>
			KNOWN_PREFIXES.some((prefix) => prefix.every((b, i) => data[i] === b));
		fc.assert(
			fc.property(
				fc.uint8Array({ maxLength: 64 }).filter((data) => !startsWithKnown(data)),
				(data) => detectFileType(data) === null
			),
			{ numRuns: 2000 }
		);
	});

	it('recognises any content after a full signature', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
				const file = Uint8Array.from([...PNG.slice(0, 8), ...tail]);
				return detectFileType(file)?.mime === 'image/png';
			})
		);
	});
});
