// Generated clusters for tests and benchmarks: Nodes, Deployments and their Services, as YAML.
export interface GeneratedClusterShape {
  nodes: number;
  deployments: number;
  replicas: number;
  /** Namespaces the Deployments are spread over. */
  namespaces?: number;
  /** NetworkPolicies, spread over the Deployments (every selector form, named ports, ipBlocks, DNS egress). */
  policies?: number;
}

export function generatedCluster({ nodes, deployments, replicas, namespaces = 10, policies = 0 }: GeneratedClusterShape): string {
  const parts: string[] = [];
  for (let n = 1; n <= nodes; n++) parts.push(`apiVersion: v1\nkind: Node\nmetadata: {name: worker-${n}}\n`);
  for (let i = 0; i < deployments; i++) {
    const ns = `ns-${i % namespaces}`;
    parts.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: ${ns}}\nspec:\n  replicas: ${replicas}\n` +
        `  selector: {matchLabels: {app: app-${i}}}\n  template:\n    metadata: {labels: {app: app-${i}, tier: t${i % 3}}}\n` +
        `    spec: {containers: [{name: c, image: app, ports: [{name: http, containerPort: 8080}]}]}\n`,
    );
    parts.push(
      `apiVersion: v1\nkind: Service\nmetadata: {name: app-${i}, namespace: ${ns}}\nspec:\n  selector: {app: app-${i}}\n` +
        `  ports: [{name: http, port: 80, targetPort: http}]\n`,
    );
  }
  for (let k = 0; k < policies; k++) parts.push(generatedPolicy(k, deployments, namespaces));
  return parts.join('---\n');
}

const DNS_EGRESS = '    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n' +
  '      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n';

/** Policy `k`: it selects Deployment `k % deployments`; its shape cycles through five common forms. */
function generatedPolicy(k: number, deployments: number, namespaces: number): string {
  const i = k % deployments;
  const ns = `ns-${i % namespaces}`;
  const head = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np-${k}, namespace: ${ns}}\nspec:\n  podSelector: {matchLabels: {app: app-${i}}}\n`;
  const neighbour = `app-${(i + namespaces) % deployments}`;
  switch (k % 5) {
    case 0:
      return `${head}  ingress:\n    - from: [{podSelector: {matchLabels: {app: ${neighbour}}}}]\n      ports: [{port: http}]\n`;
    case 1:
      return `${head}  ingress:\n    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns-${(i + 1) % namespaces}}}, podSelector: {matchLabels: {tier: t1}}}]\n      ports: [{port: 8080}]\n`;
    case 2:
      return `${head}  policyTypes: [Egress]\n  egress:\n    - to: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [t0, t2]}]}, namespaceSelector: {}}]\n      ports: [{port: 8000, endPort: 8090}]\n${DNS_EGRESS}`;
    case 3:
      return `${head}  ingress:\n    - from: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.1.0/24]}}]\n`;
    default:
      return `${head}  policyTypes: [Ingress, Egress]\n  ingress:\n    - from: [{namespaceSelector: {matchExpressions: [{key: team, operator: DoesNotExist}]}}]\n  egress:\n    - ports: [{port: 80}, {port: 8080}]\n${DNS_EGRESS}`;
  }
}
