// The markdown engine for TASKS.md (format: docs/FORMAT.md). parse() loads remark; everything
// else is also exported remark-free from ./splice-entry.js for hooks and other hot paths.
export * from './splice-entry.js'
export { parse } from './parse.js'
