/**
 * How large an uploaded file may be, in bytes: one number for the browser's check
 * before sending (src/lib/components/file-size.ts) and the server's after receiving
 * (storage, evidence, src/lib/server/http/limits.ts for the request as a whole).
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Evidence of work history and application documents (PDF or image). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
