// Skeleton: the owning piece of work replaces this with the real component.
export function DnsPanel() {
  return null;
}
