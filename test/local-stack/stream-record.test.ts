import { toLambdaRecord } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'

describe('toLambdaRecord', () => {
  it('hands on an empty map, which the Streams client reads back as an empty object, as an empty map', () => {
    const record = {
      eventID: '1',
      eventName: 'INSERT',
      dynamodb: { NewImage: { pk: { S: 'a' }, entries: {}, nested: { M: { x: {} } }, list: { L: [] } } },
    } as unknown as Parameters<typeof toLambdaRecord>[0]
    expect(toLambdaRecord(record, { region: 'eu-west-2', streamArn: 'arn' }).dynamodb?.NewImage).toEqual({
      pk: { S: 'a' },
      entries: { M: {} },
      nested: { M: { x: { M: {} } } },
      list: { L: [] },
    })
  })
})
