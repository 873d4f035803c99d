import { describe, expect, it } from 'vitest'
import { MATCH_START as A, MATCH_STOP as B, passageSegments } from './passage'

describe('passageSegments', () => {
  it('splits a marked headline into plain and matched segments', () => {
    const text = 'Agents wearing masks would not show any badge.'
    expect(passageSegments(`Agents wearing ${A}masks${B} would not show any ${A}badge${B}.`, text)).toEqual([
      { text: 'Agents wearing ', match: false },
      { text: 'masks', match: true },
      { text: ' would not show any ', match: false },
      { text: 'badge', match: true },
      { text: '.', match: false },
    ])
  })

  it('keeps markup-looking text as text, and adds … where the passage is cut', () => {
    const text = 'First words. Then <script>alert(1)</script> and the raid at the swap meet, and more words after.'
    const segments = passageSegments(`<script>alert(1)</script> and the ${A}raid${B} at the swap meet`, text)
    expect(segments[0]).toEqual({ text: '… ', match: false })
    expect(segments[1]).toEqual({ text: '<script>alert(1)</script> and the ', match: false })
    expect(segments[2]).toEqual({ text: 'raid', match: true })
    expect(segments[segments.length - 1]).toEqual({ text: ' …', match: false })
  })

  it('is empty for an empty headline', () => {
    expect(passageSegments('', '')).toEqual([])
  })
})
