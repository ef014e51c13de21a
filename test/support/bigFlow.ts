/** A generated flow for tests and benchmarks: one source, `routers` routers of two branches, `steps` imports in all. */
export function bigFlow(steps: number, routers: number): Record<string, unknown> {
  const perBranch = Math.max(1, Math.floor(steps / routers / 2));
  return {
    name: `Generated flow of ${steps} steps and ${routers} routers`,
    pageGenerators: [{ _exportId: 'source' }],
    routers: Array.from({ length: routers }, (_, r) => ({
      id: `r${r}`,
      name: `Router ${r}`,
      branches: ['main', 'side'].map((branch) => ({
        name: branch,
        pageProcessors: Array.from({ length: perBranch }, (_, i) => ({ type: 'import', _importId: `r${r}-${branch}-${i}` })),
        ...(r < routers - 1 ? { nextRouterId: `r${r + 1}` } : {}),
      })),
    })),
  };
}
