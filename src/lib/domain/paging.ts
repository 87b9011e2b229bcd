/** One page of a list that is read whole and shown in pages. */
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

/**
 * Page `requested` (1-based) of `items`, `size` rows a page. A page past the last is the
 * last page and one before the first is the first, so an address kept from a longer list
 * (a decision moved a row, a bookmark) still shows rows, never an empty page.
 * Refuses (throws) a size that is not a positive integer: a programming error.
 */
export function pageOf<T>(items: readonly T[], requested: number, size: number): Paged<T> {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size ${size}`);
	const pages = Math.max(1, Math.ceil(items.length / size));
	const page = Math.min(pages, Math.max(1, Math.trunc(requested) || 1));
	return {
		items: items.slice((page - 1) * size, page * size),
		page,
		pages,
		total: items.length
	};
}
