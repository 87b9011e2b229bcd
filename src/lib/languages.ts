/** Language names in their own language, as a language chooser shows them. */
export const LANGUAGE_OPTIONS = [
	{ value: 'fi', label: 'suomi', lang: 'fi' },
	{ value: 'sv', label: 'svenska', lang: 'sv' },
	{ value: 'en', label: 'English', lang: 'en' }
];
