/** How sure a tag suggestion is, as shown to people (pure; no imports so the browser bundle stays small). */

/**
 * The confidence shown to a person for a suggestion. The model's confidence is calibrated
 * for all tags at once, so a tag the model gets wrong often can still score 0.999. What is
 * shown is capped by the tag's held-out precision, smoothed with one success and one failure
 * ((correct + 1) / (suggested + 2), so 3 right out of 3 says 80 %, and a tag never suggested
 * in testing says at most 50 %). Both terms are below 1: it never reads "100 %".
 */
export function shownConfidence(confidence: number, tested: { suggested: number; correct: number } | null | undefined): number {
  const suggested = tested?.suggested ?? 0
  const correct = Math.min(tested?.correct ?? 0, suggested)
  const cap = (correct + 1) / (suggested + 2)
  return Math.max(0, Math.min(confidence, cap))
}

/** A shown confidence as a whole percentage, rounded down so that 0.996 is not "100". */
export function confidencePercent(shown: number): number {
  return Math.min(99, Math.floor(shown * 100))
}
