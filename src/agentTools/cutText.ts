/** Account text (a name, a message, a changed value) cut for a result: a megabyte of it says nothing more in full. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (cut at ${max} of ${text.length} characters)` : text;
}
