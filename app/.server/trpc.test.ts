import { TRPCError } from '@trpc/server'
import { describe, expect, it, vi } from 'vitest'
import { toResponse } from './trpc'

function thrown(error: unknown) {
  try {
    toResponse(error)
  } catch (response) {
    return response as { data: { message: string }; init: { status: number } }
  }
  throw new Error('toResponse returned')
}

describe('toResponse', () => {
  it('passes a refusal’s translation key and status to the page', () => {
    expect(thrown(new TRPCError({ code: 'NOT_FOUND', message: 'errors.importGone' }))).toMatchObject({ data: { message: 'errors.importGone' }, init: { status: 404 } })
  })

  it('never sends an unexpected error’s message (it may name internals) to the page', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = thrown(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'invalid byte sequence for encoding "UTF8": 0x00' }))
    expect(response).toMatchObject({ data: { message: 'errors.unexpected' }, init: { status: 500 } })
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })
})
