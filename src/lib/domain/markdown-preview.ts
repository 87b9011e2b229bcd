import { z } from 'zod';
import { LIMITS } from './challenge-schemas';

/**
 * What a form's Markdown preview sends: `{ text }`, at most as long as the longest
 * Markdown field (a challenge body, LIMITS.body). Issues carry message keys.
 */
export const markdownPreviewRequest = z.object({
	text: z.string({ error: 'error_form' }).max(LIMITS.body, { error: 'forms_preview_too_long' })
});
