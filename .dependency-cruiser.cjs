/** Layer rules of ARCHITECTURE.md: core is pure; server and web build on core; web features stay apart. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing of ours and no I/O modules',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: {
        path: [
          '^packages/(server|web)/',
          '^(node:)?(fs|net|http|https|child_process|pg)$',
          'node_modules/(pg|drizzle-orm|hono)/',
        ],
      },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'web-not-server',
      comment: 'the web app talks to the server over HTTP only',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'web-features-apart',
      comment: 'a web feature does not import another feature',
      severity: 'error',
      from: { path: '^packages/web/src/features/([^/]+)/' },
      to: { path: '^packages/web/src/features/([^/]+)/', pathNot: '^packages/web/src/features/$1/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
