import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance so other code calling marked.use() cannot change how user text renders.
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * How each heading level of user Markdown (and of raw HTML in it) is written: one level
 * below the page's h2 sections. `#` and `##` both mean "a top-level heading of my text".
 */
export const HEADING_SHIFT = {
	h1: 'h3',
	h2: 'h3',
	h3: 'h4',
	h4: 'h5',
	h5: 'h6',
	h6: 'h6'
} as const;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'p',
		'br',
		'hr',
		'h3',
		'h4',
		'h5',
		'h6',
		'strong',
		'em',
		'del',
		'blockquote',
		'ul',
		'ol',
		'li',
		'a',
		'code',
		'pre',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	// No style, class, id or on* anywhere; align comes from GFM table columns and is inert.
	allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	// "//evil.example" would leave the site while looking relative.
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	// Drop the content of these too, not just the tags: it is code or markup, never prose.
	nonTextTags: [
		'script',
		'style',
		'textarea',
		'option',
		'xmp',
		'noscript',
		'noembed',
		'noframes',
		'iframe',
		'object',
		'template',
		'title'
	],
	transformTags: {
		// Markdown is always shown inside a section of the page, under that section's h2
		// (WCAG 1.3.1, issue 12): the author's top level (# or ##) becomes h3 and every deeper
		// level one below it, so the text's headings nest under the section's, never beside it.
		...HEADING_SHIFT,
		// Links open in the same tab; rel keeps referrer and opener away from other sites.
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'noopener noreferrer' }
		})
	},
	// A link whose href was refused becomes plain text instead of a dead <a>.
	exclusiveFilter: (frame) => (frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false)
};

// Rendering is pure and costly (parse + sanitise); published texts rarely change, so
// the latest results are kept, oldest dropped first.
const CACHE_SIZE = 500;
const cache = new Map<string, string>();

/**
 * Renders user-written Markdown to HTML that is safe to insert with {@html}: the one way
 * user text becomes markup (challenge bodies, answers). Takes the source; returns the
 * sanitised HTML, headings shifted by HEADING_SHIFT so they nest under an h2 section.
 * Text shown under a deeper heading is re-levelled where it is shown: Prose's `under`
 * (nestHeadings, src/lib/domain/markdown-headings.ts) starts its headings one below that
 * heading. Raw HTML in the source is kept only as far as the allowlist above; callers
 * check length.
 */
export function renderMarkdown(source: string): string {
	const hit = cache.get(source);
	if (hit !== undefined) return hit;
	const html = sanitizeHtml(marked.parse(source, { async: false }), SANITIZE_OPTIONS);
	cache.set(source, html);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return html;
}
