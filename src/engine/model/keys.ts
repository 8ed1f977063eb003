// Object keys: `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds.
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'CustomResourceDefinition', 'IngressClass', 'GatewayClass', 'PriorityClass', 'RuntimeClass',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'CSIDriver', 'CSINode',
  'ClusterIssuer', 'VolumeAttachment', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'IPAddress', 'ServiceCIDR',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

export function objectKey(kind: string, namespace: string | null, name: string): string {
  return isClusterScoped(kind) ? `${kind}/${name}` : `${kind}/${namespace ?? 'default'}/${name}`;
}
