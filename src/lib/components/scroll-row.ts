import type { Attachment } from 'svelte/attachments';

/** Which ends of a row that scrolls sideways have more past them than is shown. */
export interface RowEdges {
	before: boolean;
	after: boolean;
}

/**
 * For a row of links that scrolls sideways when it must (a phone): tells `onedges` which of
 * its ends hide more (the row's CSS fades that end, so a cut word reads as "more this way"),
 * and keeps the current link (`[aria-current]`) whole in view, clear of the fade (the row's
 * `scroll-padding-inline`), when the row comes alive or its width changes. Only the row
 * scrolls, never the page. Made anew for each page (pass the path): the current link moves.
 */
export function scrollRow(
	path: string,
	onedges: (edges: RowEdges) => void
): Attachment<HTMLElement> {
	void path;
	return (row) => {
		const edges = () => {
			const hidden = row.scrollWidth - row.clientWidth;
			onedges({ before: row.scrollLeft > 1, after: row.scrollLeft < hidden - 1 });
		};
		const reveal = () => {
			const current = row.querySelector<HTMLElement>('[aria-current]');
			if (current && row.scrollWidth > row.clientWidth + 1) {
				const style = getComputedStyle(row);
				const start = parseFloat(style.scrollPaddingInlineStart) || 0;
				const end = parseFloat(style.scrollPaddingInlineEnd) || 0;
				const box = row.getBoundingClientRect();
				const link = current.getBoundingClientRect();
				if (link.left < box.left + start) row.scrollLeft -= box.left + start - link.left;
				else if (link.right > box.right - end) row.scrollLeft += link.right - (box.right - end);
			}
			edges();
		};
		// Called once when observing starts (after the page's layout) and whenever the row or
		// what it holds changes size (a narrower window, a font arriving, words of a language).
		const observer = new ResizeObserver(reveal);
		observer.observe(row);
		for (const child of row.children) observer.observe(child);
		row.addEventListener('scroll', edges, { passive: true });
		return () => {
			observer.disconnect();
			row.removeEventListener('scroll', edges);
		};
	};
}
