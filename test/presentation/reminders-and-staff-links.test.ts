import {
  courseResultsUrl,
  REMINDER_LEAD_CHOICES,
  registerUrl,
  reminderLeadLabel,
  sessionResultsUrl,
  trainerSessionsUrl,
} from '@ey/presentation'
import { describe, expect, it } from 'vitest'

describe('reminderLeadLabel', () => {
  it.each([
    [10080, '1 week before'],
    [2880, '2 days before'],
    [1440, '1 day before'],
    [120, '2 hours before'],
    [60, '1 hour before'],
    [45, '45 minutes before'],
    [90, '90 minutes before'],
  ])('writes %i minutes as %s', (minutes, label) => {
    expect(reminderLeadLabel(minutes)).toBe(label)
  })

  it('offers the choices longest first', () => {
    expect([...REMINDER_LEAD_CHOICES]).toEqual([...REMINDER_LEAD_CHOICES].sort((a, b) => b - a))
  })
})

describe('the trainers’ links', () => {
  it('point into the site, or are paths alone without one', () => {
    expect(registerUrl('https://training.example.org/', 'ses 1', 2)).toBe(
      'https://training.example.org/staff/sessions/register/?id=ses+1&part=2',
    )
    expect(registerUrl('', 'ses-1', 0)).toBe('/staff/sessions/register/?id=ses-1&part=0')
    expect(trainerSessionsUrl('https://training.example.org')).toBe(
      'https://training.example.org/staff/sessions/',
    )
  })

  it('lead to a session’s and a course’s results', () => {
    expect(sessionResultsUrl('', 'past-02')).toBe('/staff/sessions/results/?id=past-02')
    expect(courseResultsUrl('https://training.example.org/', 'slcn core')).toBe(
      'https://training.example.org/staff/admin/results/?course=slcn+core',
    )
  })
})
