import type { ParamMatcher } from '@sveltejs/kit';
import { isFileKey } from '$lib/domain/route-params';

/** `[x=filekey]`: the segment is a stored file's key; anything else matches no route (404). */
export const match: ParamMatcher = (param) => isFileKey(param);
