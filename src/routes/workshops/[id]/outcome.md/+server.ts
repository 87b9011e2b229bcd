import { outcomeMarkdown } from '$lib/domain/workshop-outcome';
import { outcomeDownload } from '$lib/server/workshops/outcome-download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	outcomeDownload(event, 'text/markdown', outcomeMarkdown);
