import { z } from 'zod';

/**
 * A file that reached the core by reference, not inside the call: the token the core issued when
 * it received the file (a streamed `POST /upload/<op>` in browser mode, the native open dialog in
 * the desktop app). Never a path: the core accepts only tokens it issued itself.
 */
export const UploadRef = z.string({ error: 'invalidType' }).regex(/^[0-9a-f]{32}$/, { error: 'invalid' });
