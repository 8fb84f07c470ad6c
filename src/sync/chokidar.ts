// chokidar, for `tasktrail watch` only: imported lazily (its own file in dist/), so that the
// watch's logic and the sync engine it calls stay in the main bundle, in one copy.
export { watch } from 'chokidar'
