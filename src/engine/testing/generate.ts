// Generated clusters for tests and benchmarks: Nodes, Deployments and their Services, as YAML.
export interface GeneratedClusterShape {
  nodes: number;
  deployments: number;
  replicas: number;
  /** Namespaces the Deployments are spread over. */
  namespaces?: number;
}

export function generatedCluster({ nodes, deployments, replicas, namespaces = 10 }: GeneratedClusterShape): string {
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
  return parts.join('---\n');
}
