import {
  addCourse,
  addPartner,
  type CatalogueAdminDeps,
  changeCourse,
  changePartner,
  type Partner,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeCourse, makePartner } from '../support/factories.ts'
import {
  createInMemoryBookingRepository,
  type InMemoryBookingRepository,
} from '../support/in-memory-bookings.ts'
import { createInMemoryCatalogueStore } from '../support/in-memory-catalogue-store.ts'

const PARTNER: Partner = makePartner()
const COURSE = makeCourse()

let catalogue: InMemoryBookingRepository
let deps: CatalogueAdminDeps

beforeEach(() => {
  catalogue = createInMemoryBookingRepository({ partners: [PARTNER] })
  deps = { catalogue, catalogueWriter: createInMemoryCatalogueStore(catalogue) }
})

describe('addPartner and changePartner', () => {
  it('adds a partner, and refuses another with its id, keeping the first', async () => {
    const partner = { id: 'signs-for-all', name: 'Signs for All' }
    expect(await addPartner(deps, partner)).toEqual(partner)
    await expect(addPartner(deps, { ...partner, name: 'Someone else' })).rejects.toMatchObject({
      code: 'already-exists',
    })
    expect(await catalogue.listPartners()).toContainEqual(partner)
  })

  it('writes a change under the id in the address, whatever id the details carry', async () => {
    const changed = await changePartner(deps, PARTNER.id, { id: 'other', name: 'Talking Together' })
    expect(changed).toEqual({ id: PARTNER.id, name: 'Talking Together' })
    expect(await catalogue.listPartners()).toEqual([changed])
  })

  it('answers partner-not-found for a partner that does not exist, and adds none', async () => {
    await expect(changePartner(deps, 'nobody', { id: 'nobody', name: 'Nobody' })).rejects.toMatchObject({
      code: 'partner-not-found',
    })
    expect(await catalogue.listPartners()).toEqual([PARTNER])
  })
})

describe('addCourse and changeCourse', () => {
  it('adds a course of a known partner, and refuses another with its id', async () => {
    expect(await addCourse(deps, COURSE)).toEqual(COURSE)
    await expect(addCourse(deps, { ...COURSE, title: 'Another' })).rejects.toMatchObject({
      code: 'already-exists',
    })
    expect(await catalogue.getCourse(COURSE.id)).toEqual(COURSE)
  })

  it.each([
    ['adding', () => addCourse(deps, { ...COURSE, partnerId: 'nobody' })],
    ['changing', () => changeCourse(deps, COURSE.id, { ...COURSE, partnerId: 'nobody' })],
  ])('refuses a course of an unknown partner when %s it, naming partnerId', async (_when, act) => {
    catalogue.putCourse({ ...COURSE, title: 'As it was' })
    await expect(act()).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: [{ field: 'partnerId', message: 'Choose a partner organisation from the list' }],
    })
    expect(await catalogue.getCourse(COURSE.id)).toMatchObject({ title: 'As it was', partnerId: PARTNER.id })
  })

  it('changes an existing course under the id in the address', async () => {
    catalogue.putCourse(COURSE)
    const changed = await changeCourse(deps, COURSE.id, { ...COURSE, id: 'other', title: 'Core SLCN' })
    expect(changed).toEqual({ ...COURSE, title: 'Core SLCN' })
    expect(await catalogue.getCourse(COURSE.id)).toEqual(changed)
    expect(await catalogue.getCourse('other')).toBeUndefined()
  })

  it('answers course-not-found for a course that does not exist, and writes nothing', async () => {
    await expect(changeCourse(deps, 'no-such-course', COURSE)).rejects.toMatchObject({
      code: 'course-not-found',
    })
    expect(await catalogue.listCourses()).toEqual([])
  })
})

describe('a course’s own questionnaire windows', () => {
  it('are kept when within bounds, and refused naming the field otherwise, writing nothing', async () => {
    const days = { post: 21, followUpAfter: 56, followUpOpen: 28 }
    expect(await addCourse(deps, { ...COURSE, questionnaireDays: days })).toMatchObject({
      questionnaireDays: days,
    })
    const attempt = changeCourse(deps, COURSE.id, { ...COURSE, questionnaireDays: { ...days, post: 61 } })
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-questionnaire-days',
      fieldErrors: [{ field: 'questionnaireDays.post' }],
    })
    expect((await catalogue.getCourse(COURSE.id))?.questionnaireDays).toEqual(days)
  })
})
