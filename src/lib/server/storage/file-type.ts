export interface FileType {
	mime: string;
	ext: string;
}

interface Signature extends FileType {
	/** Bytes that must appear at `offset`; null entries match any byte. */
	magic: (number | null)[];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: Signature[] = [
	{ mime: 'image/png', ext: 'png', magic: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a] },
	{ mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
	{ mime: 'image/gif', ext: 'gif', magic: ascii('GIF87a') },
	{ mime: 'image/gif', ext: 'gif', magic: ascii('GIF89a') },
	// RIFF container: 4 bytes of chunk size sit between the two tags.
	{
		mime: 'image/webp',
		ext: 'webp',
		magic: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')]
	},
	{ mime: 'application/pdf', ext: 'pdf', magic: ascii('%PDF-') }
];

/**
 * The type of a file judged only by its leading bytes. Names and client-sent
 * Content-Type are attacker-controlled, so they are never consulted. Anything not
 * on the list (SVG, HTML, scripts, archives) is null.
 */
export function detectFileType(bytes: Uint8Array): FileType | null {
	for (const { mime, ext, magic } of SIGNATURES) {
		if (bytes.length < magic.length) continue;
		if (magic.every((byte, i) => byte === null || bytes[i] === byte)) return { mime, ext };
	}
	return null;
}

/** Every extension detectFileType can return, for validating stored keys. */
export const KNOWN_EXTENSIONS: readonly string[] = [...new Set(SIGNATURES.map((s) => s.ext))];
