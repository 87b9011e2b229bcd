/** The line of Paraglide's compiled registry (src/lib/paraglide/registry.js) that is replaced. */
const EACH_CALL = 'return new Intl.PluralRules(locale, options).select(Number(input))';

/**
 * `code` (the compiled registry.js) with `plural` keeping one Intl.PluralRules per locale
 * and options instead of making one on every plural message: constructing one loads the
 * locale's rules, and on a signed-in challenge page that was 4 % of the server's time
 * (issue 16). Same answers (CLDR rules via Intl). Throws when the line is not there, so a
 * Paraglide upgrade that changes the registry is looked at instead of silently slow.
 * @param {string} code
 * @returns {string}
 */
export function pluralRulesOnce(code) {
	if (!code.includes(EACH_CALL))
		throw new Error(
			'plural-rules-once: Paraglide registry.js no longer makes Intl.PluralRules as expected'
		);
	return (
		code.replace(
			EACH_CALL,
			`const key = locale + JSON.stringify(options ?? {});
	let rules = pluralRules.get(key);
	if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, options)));
	return rules.select(Number(input))`
		) + '\n/** @type {Map<string, Intl.PluralRules>} */\nconst pluralRules = new Map();\n'
	);
}

/**
 * The Vite plugin applying {@link pluralRulesOnce} to Paraglide's registry, server and client.
 * @returns {import('vite').Plugin}
 */
export function pluralRulesOncePlugin() {
	return {
		name: 'talkoot-plural-rules-once',
		transform(code, id) {
			if (id.split('?')[0].endsWith('/src/lib/paraglide/registry.js')) return pluralRulesOnce(code);
		}
	};
}
