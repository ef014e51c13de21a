/**
 * Documents an agent changed (integratorProposeEdit) and no person has agreed to deploy yet. A
 * save of a resource document deploys it, and not every save is a person's own: VS Code saves all
 * dirty documents before a task runs (`task.saveBeforeRun`), and any extension may call saveAll,
 * both with the reason of an explicit save. So the write of such a document asks first
 * (resourceFileSystem.ts), whatever the reason VS Code gave, and the mark goes once a person
 * says yes.
 */
const marked = new Set<string>();

export const agentEdits = {
  mark(uri: string): void {
    marked.add(uri);
  },
  has(uri: string): boolean {
    return marked.has(uri);
  },
  clear(uri: string): void {
    marked.delete(uri);
  },
};
