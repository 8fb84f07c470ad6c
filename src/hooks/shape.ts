// Reading fields of Claude Code's JSON defensively: a field that is there with the wrong
// type makes the whole event unreadable (ShapeError), so no half-understood event reaches
// the store. Absent and null are the same: not given.

export class ShapeError extends Error {
  override name = 'ShapeError'
}

export type Fields = Record<string, unknown>

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function wrong(key: string, expected: string): never {
  throw new ShapeError(`${key} is not ${expected}`)
}

export function optionalString(fields: Fields, key: string): string | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : wrong(key, 'a string')
}

export function requiredString(fields: Fields, key: string): string {
  const value = optionalString(fields, key)
  if (value === undefined || value === '') throw new ShapeError(`${key} is missing`)
  return value
}

export function optionalNumber(fields: Fields, key: string): number | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  return typeof value === 'number' && Number.isFinite(value) ? value : wrong(key, 'a number')
}

export function optionalBoolean(fields: Fields, key: string): boolean | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  return typeof value === 'boolean' ? value : wrong(key, 'a boolean')
}

export function optionalFields(fields: Fields, key: string): Fields | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  return isFields(value) ? value : wrong(key, 'an object')
}

export function requiredFields(fields: Fields, key: string): Fields {
  const value = optionalFields(fields, key)
  if (value === undefined) throw new ShapeError(`${key} is missing`)
  return value
}

export function optionalStrings(fields: Fields, key: string): string[] | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) wrong(key, 'a list of strings')
  return value as string[]
}
