import { json } from '@sveltejs/kit';
import { markdownPreviewRequest } from '$lib/domain/markdown-preview';
import { renderMarkdown } from '$lib/server/markdown';
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/**
 * A long form's Markdown preview (issue 12): `{ text }` → 200 `{ html }`, rendered by the
 * one sanitiser (renderMarkdown) exactly as the public page will show it; the page puts
 * the HTML in only through Prose. 401 signed out, 400 `{ message }` for anything else
 * than a JSON `{ text }` within the longest field's limit. Nothing is stored.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) return json({ message: translate('forms_signed_out') }, { status: 401 });
	const body = await request.json().catch(() => undefined);
	const parsed = markdownPreviewRequest.safeParse(body);
	if (!parsed.success) {
		const key = parsed.error.issues[0].message;
		return json(
			{ message: translate(key.startsWith('forms_') ? key : 'error_form') },
			{ status: 400 }
		);
	}
	return json({ html: renderMarkdown(parsed.data.text) });
};
