import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { XSS_PAYLOADS } from './markdown.xss-corpus';

const ALLOWED_TAGS = new Set(
	'p br hr h3 h4 h5 h6 strong em del blockquote ul ol li a code pre table thead tbody tr th td'.split(
		' '
	)
);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
	a: ['href', 'title', 'rel'],
	ol: ['start'],
	th: ['align'],
	td: ['align']
};
const FORBIDDEN_TAGS =
	/<\/?(script|iframe|object|embed|svg|math|style|form|input|base|meta|img)\b/i;

/** Undoes the character references a browser would decode inside an attribute value. */
function decodeAttribute(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
		.replace(/&colon;/gi, ':')
		.replace(/&tab;/gi, '\t')
		.replace(/&newline;/gi, '\n')
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Everything unsafe in a rendered fragment; empty means safe. */
function problemsIn(html: string): string[] {
	const problems: string[] = [];
	if (/<script/i.test(html)) problems.push('<script');
	if (/<!/.test(html)) problems.push('comment or doctype');
	const forbidden = FORBIDDEN_TAGS.exec(html);
	if (forbidden) problems.push(`forbidden tag ${forbidden[0]}`);
	// Text is escaped, so every remaining '<' opens or closes a real element.
	for (const [, closing, name, rest] of html.matchAll(/<(\/?)([^\s>/]*)([^>]*)>?/g)) {
		const tag = name.toLowerCase();
		if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${closing}${name}>`);
		for (const [, attr, value = ''] of rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
			if (/^on/i.test(attr)) problems.push(`event handler ${attr}`);
			if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(attr)) problems.push(`attribute ${attr}`);
			if (attr !== 'href') continue;
			// Browsers ignore whitespace and control characters inside a scheme.
			const href = [...decodeAttribute(value)].filter((c) => c > ' ').join('');
			if (/(javascript|vbscript|data):/i.test(href)) problems.push(`href ${href}`);
			if (/^[\\/]{2}/.test(href)) problems.push(`protocol-relative href ${href}`);
		}
	}
	return problems;
}

describe('renderMarkdown against XSS', () => {
	it('has a corpus big enough to mean something', () => {
		expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
	});

	it('uses a checker that catches the corpus when nothing is sanitised', () => {
		// Guards against a checker that passes everything: raw marked output must mostly fail it.
		const raw = new Marked({ gfm: true, async: false });
		const caught = XSS_PAYLOADS.filter((p) => problemsIn(raw.parse(p, { async: false })).length);
		expect(caught.length).toBeGreaterThan(XSS_PAYLOADS.length * 0.8);
	});

	it.each(XSS_PAYLOADS.map((payload, index) => ({ payload, index })))(
		'neutralises payload #$index',
		({ payload }) => {
			expect(problemsIn(renderMarkdown(payload))).toEqual([]);
		}
	);

	it('keeps the text of a refused link but not the link', () => {
		expect(renderMarkdown('[click me](javascript:alert(1))')).toBe('<p>click me</p>\n');
	});

	it('drops target so links stay in the same tab', () => {
		const html = renderMarkdown('<a href="https://ok.example" target="_blank">x</a>');
		expect(html).toBe('<p><a href="https://ok.example" rel="noopener noreferrer">x</a></p>\n');
	});
});

describe('renderMarkdown formatting', () => {
	it('shifts headings down to nest under the section h2 that shows the text (1.3.1)', () => {
		const html = renderMarkdown(
			'# Yksi\n\n## Kaksi\n\n### Kolme\n\n#### Neljä\n\n##### Viisi\n\n###### Kuusi'
		);
		expect(html).toContain('<h3>Yksi</h3>');
		expect(html).toContain('<h3>Kaksi</h3>');
		expect(html).toContain('<h4>Kolme</h4>');
		expect(html).toContain('<h5>Neljä</h5>');
		expect(html).toContain('<h6>Viisi</h6>');
		expect(html).toContain('<h6>Kuusi</h6>');
		// Never a sibling of the page's own h1 or h2 sections.
		expect(html).not.toMatch(/<h[12]\b/);
	});

	it('shifts headings written as raw HTML the same way', () => {
		expect(renderMarkdown('<h1>A</h1>\n\n<h2>B</h2>\n\n<h4>C</h4>')).toBe(
			'<h3>A</h3><h3>B</h3><h5>C</h5>'
		);
	});

	it('renders lists, keeping an ordered list start', () => {
		expect(renderMarkdown('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
		expect(renderMarkdown('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n');
	});

	it('renders emphasis, strikethrough and blockquotes', () => {
		expect(renderMarkdown('**vahva** _kursiivi_ ~~poistettu~~')).toBe(
			'<p><strong>vahva</strong> <em>kursiivi</em> <del>poistettu</del></p>\n'
		);
		expect(renderMarkdown('> lainaus')).toBe('<blockquote>\n<p>lainaus</p>\n</blockquote>\n');
	});

	it('renders GFM tables with column alignment', () => {
		const html = renderMarkdown('| a | b |\n|:-:|---|\n| 1 | 2 |');
		expect(html).toContain('<table>');
		expect(html).toContain('<th align="center">a</th>');
		expect(html).toContain('<td>2</td>');
	});

	it('renders code blocks escaped and without the language class', () => {
		const html = renderMarkdown('```html\n<b>x</b>\n```\n\nInline `a < b`');
		expect(html).toContain('<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>');
		expect(html).toContain('<code>a &lt; b</code>');
		expect(html).not.toContain('class=');
	});

	it('gives an https link rel="noopener noreferrer"', () => {
		expect(renderMarkdown('[Talkoot](https://talkoot.example/a?b=1&c=2)')).toBe(
			'<p><a href="https://talkoot.example/a?b=1&amp;c=2" rel="noopener noreferrer">Talkoot</a></p>\n'
		);
	});

	it('keeps mailto and relative links but refuses protocol-relative ones', () => {
		expect(renderMarkdown('[posti](mailto:tuki@talkoot.example)')).toContain(
			'href="mailto:tuki@talkoot.example"'
		);
		expect(renderMarkdown('[haaste](/challenges/x)')).toContain('href="/challenges/x"');
		expect(renderMarkdown('[pois](//evil.example)')).toBe('<p>pois</p>\n');
	});

	it('autolinks bare URLs and e-mail addresses', () => {
		const html = renderMarkdown('https://talkoot.example ja tuki@talkoot.example');
		expect(html).toContain('<a href="https://talkoot.example" rel="noopener noreferrer">');
		expect(html).toContain('<a href="mailto:tuki@talkoot.example" rel="noopener noreferrer">');
	});

	it('keeps Finnish and Swedish letters intact', () => {
		expect(renderMarkdown('Hyvää päivää, Åbo ja Öljy')).toBe('<p>Hyvää päivää, Åbo ja Öljy</p>\n');
	});

	it('keeps allowed raw HTML but strips its attributes', () => {
		expect(renderMarkdown('<strong class="x">vahva</strong>')).toBe(
			'<p><strong>vahva</strong></p>\n'
		);
	});
});
