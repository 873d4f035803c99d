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

  it('refuses the email name or the person’s name with common affixes such as years (issue 13, finding 8)', () => {
    const cases: [string, string, string?][] = [
      ['ana.organizer2026', 'ana.organizer@example.org'], // the reported one
      ['Ana.Organizer2026!', 'ana.organizer@example.org'],
      ['anaorganizer-2026', 'ana.organizer@example.org'],
      ['organizer.ana.1990', 'ana.organizer@example.org'],
      ['ana_organizer_2026', 'ana-organizer@example.org'],
      ['2026!AnaOrganizer', 'aorganizer@example.org', 'Ana Organizer'],
      ['mariagonzalez1985', 'mg@example.org', 'María González'],
      ['gonzalez.maria.85!!', 'mg@example.org', 'María González'],
      ['MariaGonzalez#2026', 'mg@example.org', 'María González'],
      ['marcus-wright-2026', 'mwright@lacity.example', 'Marcus Wright'],
    ]
    for (const [password, email, name] of cases) expect(passwordProblem(password, email, name), password).toBe('errors.passwordPersonal')
  })

  it('accepts long unusual passphrases', () => {
    for (const p of ['correct horse battery staple', 'tamal-lluvia-7-bicicleta', 'demo-facilitator-2026']) expect(passwordProblem(p, 'ana@example.org'), p).toBeNull()
    // A name inside a real passphrase is not the whole password.
    expect(passwordProblem('ana likes tamales in july 2026', 'ana.organizer@example.org', 'Ana Organizer')).toBeNull()
  })
})
