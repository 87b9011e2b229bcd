import { error } from '@sveltejs/kit';
import { getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// Cover images are public; the type comes from the stored bytes, never from a name.
export const GET: RequestHandler = async ({ params }) => {
	const file = await getStorage().get(params.key);
	if (!file) error(404, 'Not found');
	return new Response(file.bytes as BodyInit, {
		headers: {
			'Content-Type': file.mime,
			'Content-Length': String(file.bytes.byteLength),
			'Cache-Control': 'public, max-age=31536000, immutable',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
