import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMarkdown } from './markdown';
import { nestHeadings } from '$lib/domain/markdown-headings';

const levels = (html: string) => [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));

describe('nestHeadings: user Markdown starts below the heading it is placed under', () => {
	const source = '# Solution\n\ntext\n\n## Results\n\n### Detail\n\n#### Deeper';

	it('under an h2 (a page section) the rendered levels stand: h3, h3, h4, h5', () => {
		expect(levels(nestHeadings(renderMarkdown(source), 2))).toEqual([3, 3, 4, 5]);
	});

	it('under a final tender’s h4 "Description" the author’s # becomes h5, deeper ones h6', () => {
		const html = nestHeadings(renderMarkdown(source), 4);
		expect(html).toContain('<h5>Solution</h5>');
		expect(html).toContain('<h5>Results</h5>');
		expect(levels(html)).toEqual([5, 5, 6, 6]);
	});

	it('under an h3 and under the page’s h1', () => {
		expect(levels(nestHeadings(renderMarkdown(source), 3))).toEqual([4, 4, 5, 6]);
		expect(levels(nestHeadings(renderMarkdown(source), 1))).toEqual([2, 2, 3, 4]);
	});

	it('moves only the sanitiser’s heading tags: escaped text stays text', () => {
		const html = renderMarkdown('# A\n\n`<h3>` and &lt;h4&gt; in prose\n\n    <h2>code</h2>');
		const placed = nestHeadings(html, 4);
		expect(placed).toContain('<h5>A</h5>');
		expect(placed).toContain('<code>&lt;h3&gt;</code>');
		expect(placed).toContain('&lt;h2&gt;code&lt;/h2&gt;');
	});

	it('refuses a level it cannot nest under', () => {
		expect(() => nestHeadings('<h3>A</h3>', 0)).toThrow(RangeError);
		expect(() => nestHeadings('<h3>A</h3>', 6)).toThrow(RangeError);
		expect(() => nestHeadings('<h3>A</h3>', 2.5)).toThrow(RangeError);
	});

	it('property: every heading lands in under+1 … h6 and the outline keeps its order', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
				fc.integer({ min: 1, max: 5 }),
				(written, under) => {
					const md = written.map((n, i) => `${'#'.repeat(n)} H${i}`).join('\n\n');
					const placed = levels(nestHeadings(renderMarkdown(md), under));
					expect(placed).toHaveLength(written.length);
					for (const level of placed) {
						expect(level).toBeGreaterThan(under);
						expect(level).toBeLessThanOrEqual(6);
					}
					// A deeper heading in the source is never shallower on the page.
					for (let i = 0; i < written.length; i++)
						for (let j = 0; j < written.length; j++)
							if (written[i] < written[j]) expect(placed[i]).toBeLessThanOrEqual(placed[j]);
				}
			)
		);
	});
});
