// Kubernetes' name and label syntax (k8s.io/apimachinery/pkg/util/validation).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RFC1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function isDNS1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

/** At most 253 characters in all; unlike a label, a part may be longer than 63 (apimachinery IsDNS1123Subdomain). */
export function isDNS1123Subdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && s.split('.').every((part) => DNS1123_LABEL.test(part));
}

export function isRFC1035Label(s: string): boolean {
  return s.length <= 63 && RFC1035_LABEL.test(s);
}

/** A label key: optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | null {
  const parts = key.split('/');
  if (parts.length > 2) return 'it may contain at most one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !isDNS1123Subdomain(parts[0])) return `its prefix "${parts[0]}" must be a lowercase DNS subdomain such as example.com`;
  if (name.length === 0) return 'its name part is empty';
  if (name.length > 63) return 'its name part is longer than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return 'it must start and end with a letter or digit and contain only letters, digits, "-", "_" and "."';
  return null;
}

export function labelValueProblem(value: string): string | null {
  if (value === '') return null;
  if (value.length > 63) return 'it is longer than 63 characters';
  if (!QUALIFIED_NAME.test(value)) return 'it must start and end with a letter or digit and contain only letters, digits, "-", "_" and "."';
  return null;
}

/** IANA_SVC_NAME, the rule for named ports (`validation.IsValidPortName`). */
export function portNameProblem(name: string): string | null {
  if (name.length > 15) return 'it is longer than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return 'it may contain only lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'it must contain at least one letter';
  if (name.includes('--')) return 'it may not contain "--"';
  if (name.startsWith('-') || name.endsWith('-')) return 'it may not start or end with "-"';
  return null;
}
