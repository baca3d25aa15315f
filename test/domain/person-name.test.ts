import { PERSON_NAME_MAX, PersonSchema } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makePerson } from '../support/factories.ts'

const nameError = (name: string) =>
  PersonSchema.safeParse(makePerson({ name })).error?.issues.find((issue) => issue.path[0] === 'name')
    ?.message

describe('a booker’s name', () => {
  it.each([
    'Amira Khan',
    'Zoë O’Brien-Smith',
    "Siobhán D'Arcy",
    'José María Ñúñez',
    'Nguyễn Văn An',
    'J. R. R. Tolkien',
    'محمد علي',
    '王小明',
    'x'.repeat(PERSON_NAME_MAX),
  ])('takes %s', (name) => {
    expect(nameError(name)).toBeUndefined()
  })

  it.each([
    ['a link', 'Win at https://prize.example'],
    ['markup', 'Ada <b>Lovelace</b>'],
    ['digits', 'Agent 007'],
    ['a leading hyphen', '-Ada'],
    ['an at sign', 'ada@example.org'],
    ['more than the longest', 'x'.repeat(PERSON_NAME_MAX + 1)],
  ])('refuses %s, saying what a name may hold', (_case, name) => {
    expect(nameError(name)).toMatch(/letters|characters or fewer/)
  })
})
