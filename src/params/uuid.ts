import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/domain/route-params';

/** `[x=uuid]`: the segment is a UUID; anything else matches no route (404). */
export const match: ParamMatcher = (param) => isUuid(param);
