// Whether a process runs, by its pid: the holder of the addon install's lock, an MCP server
// that wrote a status file, the session a background board serves.
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as { code?: string }).code === 'EPERM'
  }
}
