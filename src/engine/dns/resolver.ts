// The client resolver's candidate names, in the order glibc tries them (resolv/res_query.c __res_context_search).
import type { ResolvConf } from './types';
import { absolute } from './names';

/**
 * Every name the resolver may send for `name`, in order; it stops at the first answer with records.
 * - a trailing dot means absolute: that one name only;
 * - at least ndots dots: the name as is first, then the search list;
 * - fewer dots: the search list, then the name as is (unless `no-tld-query` and a single label).
 */
export function candidateNames(name: string, rc: ResolvConf): string[] {
  const trailingDot = name.endsWith('.');
  const dots = [...name].filter((c) => c === '.').length;
  const out: string[] = [];
  let triedAsIs = false;
  if (dots >= rc.ndots || trailingDot) {
    out.push(absolute(name));
    triedAsIs = true;
  }
  const searches = rc.searches.map((s) => s.replace(/\.$/, '')).filter((s) => s !== '');
  if (!trailingDot) for (const s of searches) out.push(`${name}.${s}.`);
  const noTldQuery = (rc.options ?? []).includes('no-tld-query');
  if (!triedAsIs && (dots > 0 || searches.length === 0 || !noTldQuery)) out.push(absolute(name));
  return out;
}
