/**
 * The formats of the values that stand in a route's address (issue 11, item 9): each is
 * checked by a SvelteKit parameter matcher (src/params/), so an address whose id is not
 * of its kind matches no route and is a 404 before any load, action or query runs.
 */

/** A UUID as Postgres writes it: 8-4-4-4-12 hexadecimal digits (any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A slug of a challenge or an organisation: lower-case ASCII letters and digits in groups
 * joined by single hyphens (the check constraint on both tables).
 */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A token in an address (team invitations, personal calendar feeds): 160 random bits in
 * lower-case base32 without padding, as `generateToken` makes them.
 */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/**
 * The key of a stored file: a lower-case v4 UUID, a dot and an extension (the check
 * constraint on `stored_objects.key`).
 */
export const FILE_KEY_PATTERN =
	/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.[a-z0-9]{2,5}$/;

/** Whether `value` is a UUID (any version, either letter case). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
/** Whether `value` is a slug as the database stores them. */
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);
/** Whether `value` has the form of a token this app issues. */
export const isToken = (value: string): boolean => TOKEN_PATTERN.test(value);
/** Whether `value` has the form of a stored file's key. */
export const isFileKey = (value: string): boolean => FILE_KEY_PATTERN.test(value);
