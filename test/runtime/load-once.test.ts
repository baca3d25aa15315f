import { loadOnce } from '@ey/runtime'
import { describe, expect, it } from 'vitest'

describe('an adapter made on first use (loadOnce)', () => {
  it('is made once, however many requests ask for it at the same time', async () => {
    let made = 0
    const adapter = loadOnce(async () => ({ id: ++made }))
    const answers = await Promise.all([adapter(), adapter(), adapter()])
    expect(answers.map((answer) => answer.id)).toEqual([1, 1, 1])
    expect((await adapter()).id).toBe(1)
  })

  it('is tried again by the next request after a failed load, rather than failing every request after', async () => {
    let attempts = 0
    const adapter = loadOnce(async () => {
      attempts += 1
      if (attempts === 1) throw new Error('chunk not readable')
      return 'adapter'
    })
    await expect(adapter()).rejects.toThrow('chunk not readable')
    expect(await adapter()).toBe('adapter')
    expect(await adapter()).toBe('adapter')
    expect(attempts).toBe(2)
  })
})
