#!/usr/bin/env node
// CommonJS (see bin/package.json): an ESM entry would add the ESM loader to every hook run.
require('../dist/start.js')
