import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-policy'

describe('password policy', () => {
  it('refuses common passwords, also with digits or symbols around them', () => {
    for (const p of ['qwertyuiop123', '1q2w3e4r5t6y', 'PasswordPassword', 'Sunshine2024!!', '!!dragon123456', 'aaaaaaaaaaaa', 'abcabcabcabc']) {
      expect(passwordProblem(p), p).toBe('errors.passwordCommon')
    }
  })

  it('refuses passwords built from the account email or the app name', () => {
    expect(passwordProblem('mariagonzalez-2026', 'mariagonzalez@example.org')).toBe('errors.passwordPersonal')
    expect(passwordProblem('my-voces-account', 'x@example.org')).toBe('errors.passwordPersonal')
  })

  it('accepts long unusual passphrases', () => {
    for (const p of ['correct horse battery staple', 'tamal-lluvia-7-bicicleta', 'demo-facilitator-2026']) expect(passwordProblem(p, 'ana@example.org'), p).toBeNull()
  })
})
