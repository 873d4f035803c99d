// natural ships no types for its individual files; natural-modules.ts narrows them.
declare module 'natural/lib/natural/*' {
  const value: unknown
  export default value
}
