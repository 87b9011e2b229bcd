/**
 * A tsquery of the words someone typed, each as a prefix ("lumi" finds "Lumiongelma"),
 * all required. Only letters and digits pass, so the result is always valid tsquery
 * syntax; '' means no search.
 */
export function prefixQuery(input: string): string {
	const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	return words
		.slice(0, 8)
		.map((w) => `${w.slice(0, 40)}:*`)
		.join(' & ');
}
