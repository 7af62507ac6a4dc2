/**
 * The texts of the documents added in this browser, for "read in context": the bundled ones are files
 * in the data folder (documents/<id>.txt), these exist only on the page. App.svelte asks here first.
 */
const texts = new Map<string, string>();

export const keepText = (docId: string, text: string): void => void texts.set(docId, text);
export const forgetText = (docId: string): void => void texts.delete(docId);
/** The text of an added document, or undefined for any other. */
export const addedText = (docId: string): string | undefined => texts.get(docId);
