/**
 * One segment of a request path from an id. Ids come from the account, a folder, a page or a
 * model's input: `encodeURIComponent` leaves `.` and `..` as they are, and URL resolution would
 * then step out of the resource (`/flows/..` is `/`, the whole API), so those and an empty id are
 * refused here, in the one place every path is built.
 */
export function pathSegment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new Error(`"${id}" is not an id a request path can name.`);
  return encodeURIComponent(id);
}
