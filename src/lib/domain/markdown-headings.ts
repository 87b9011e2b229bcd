/**
 * Where user Markdown's headings go on the page (WCAG 1.3.1, issue 12 and 14).
 *
 * renderMarkdown (src/lib/server/markdown.ts) writes the author's top level (`#` and `##`)
 * as h3 and every deeper level one below it — text placed under an h2. Text shown deeper
 * in a page (a final tender's "Description" h4, a concept's h3 parts) must start below
 * THAT heading, or an author's `#` would read as a section beside it. `nestHeadings`
 * moves the rendered headings so the top level is `under + 1`; Prose applies it with its
 * `under` prop, which every place that shows user Markdown sets to the level of the
 * heading the text is placed under.
 */

/** The heading level renderMarkdown's output is written for: text under an h2. */
export const RENDERED_UNDER = 2;

/**
 * Re-levels the headings of renderMarkdown's sanitised output (bare <h3>…<h6> tags, no
 * attributes) so they nest under a heading of level `under` (1–5): the top level becomes
 * h(under + 1), the others keep their distance below it, none deeper than h6. Throws a
 * RangeError for a level outside 1–5. Only sanitised output may be passed: the tags are
 * matched as the sanitiser writes them.
 */
export function nestHeadings(html: string, under: number): string {
	if (!Number.isInteger(under) || under < 1 || under > 5) {
		throw new RangeError(`heading level to nest under must be 1–5, got ${under}`);
	}
	const shift = under - RENDERED_UNDER;
	if (shift === 0) return html;
	return html.replace(/<(\/?)h([1-6])>/g, (_, close: string, level: string) => {
		const moved = Math.min(6, Math.max(under + 1, Number(level) + shift));
		return `<${close}h${moved}>`;
	});
}
