/** Arguments that make the current node run a TypeScript file the way `npm start` does (SWC, ESM). */
export function typescriptNodeArgs(file: string, args: readonly string[] = []): string[] {
  return ['--import', '@swc-node/register/esm-register', file, ...args];
}
