// LabelSelector evaluation (matchLabels AND matchExpressions), as in apimachinery's labels package.
import { isRecord, list } from '../parse/read';

export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (isRecord(matchLabels)) {
    for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== String(v)) return false;
  }
  for (const e of list(selector.matchExpressions)) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = list(e.values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}
