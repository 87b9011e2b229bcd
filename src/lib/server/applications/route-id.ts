import { error } from '@sveltejs/kit';
import { z } from 'zod';

const uuid = z.uuid();

/** An id from the address; anything but a UUID is a 404, never a database error. */
export function routeId(value: string): string {
	if (!uuid.safeParse(value).success) error(404, 'Not found');
	return value;
}
