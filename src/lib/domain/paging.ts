/** One page of a list shown in pages. */
export interface Paged<T> {
	/** The rows of this page, in the list's order. */
	items: T[];
	/** This page's number, 1-based, within 1..pages. */
	page: number;
	/** How many pages the list fills; an empty list is one (empty) page. */
	pages: number;
	/** How many rows the whole list has. */
	total: number;
}

/** Where a page lies in a list of `total` rows: its number, how many pages, its first row (0-based). */
export interface PageWindow {
	page: number;
	pages: number;
	offset: number;
}

/**
 * The page `requested` (1-based) of a list of `total` rows, `size` rows a page, as the
 * database is asked for it (`limit size offset offset`). A page past the last is the last
 * page and one before the first is the first, so an address kept from a longer list (a
 * decision moved a row, a bookmark) still shows rows, never an empty page.
 * Refuses (throws) a size that is not a positive integer: a programming error.
 */
export function pageWindow(requested: number, size: number, total: number): PageWindow {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size ${size}`);
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(pages, Math.max(1, Math.trunc(requested) || 1));
	return { page, pages, offset: (page - 1) * size };
}

/** Page `requested` of `items` already read whole, `size` rows a page (see pageWindow). */
export function pageOf<T>(items: readonly T[], requested: number, size: number): Paged<T> {
	const { page, pages, offset } = pageWindow(requested, size, items.length);
	return { items: items.slice(offset, offset + size), page, pages, total: items.length };
}

/**
 * The rows a page shows, 1-based and inclusive, as "51–100 of 1,000" says them: from 0 to
 * 0 for an empty list. `size` is the page size the page was read with.
 */
export function pageRange(paged: Omit<Paged<unknown>, 'items'>, size: number) {
	if (!paged.total) return { from: 0, to: 0 };
	const from = (paged.page - 1) * size + 1;
	return { from, to: Math.min(paged.total, from + size - 1) };
}

/**
 * Page `requested` of a list of `total` rows that the database pages: `read` is asked for
 * `size` rows from row `offset` (`limit $n offset $m`) of the page pageWindow settles on,
 * and not at all when the list is empty. Takes the count the caller read in the same
 * filter; returns the page with its place in the list (Paged). Refuses a bad size as
 * pageWindow does.
 */
export async function readPage<T>(
	total: number,
	requested: number,
	size: number,
	read: (limit: number, offset: number) => Promise<T[]>
): Promise<Paged<T>> {
	const { page, pages, offset } = pageWindow(requested, size, total);
	return { items: total ? await read(size, offset) : [], page, pages, total };
}
