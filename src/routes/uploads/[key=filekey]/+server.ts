import { error } from '@sveltejs/kit';
import { fileResponse, getStorage } from '$lib/server/storage';
import type { RequestHandler } from './$types';

// Cover images are public; the type comes from the stored bytes, never from a name.
export const GET: RequestHandler = async ({ params }) => {
	const file = await getStorage().get(params.key);
	if (!file) error(404, 'Not found');
	return fileResponse(file, 'public');
};
